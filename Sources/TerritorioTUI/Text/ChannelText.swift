import TerritorioModel

/// How a channel reads on screen, the same in a route's detail and in "mostrar al ciudadano":
/// every value with its cut-off date, and "(por confirmar)" where the source does not confirm it.
enum ChannelText {
    /// `Teléfono`, `WhatsApp`, `Dirección`…
    static func kind(_ kind: Channel.Kind) -> String {
        switch kind {
        case .telefono: "Teléfono"
        case .whatsapp: "WhatsApp"
        case .web: "Web"
        case .correo: "Correo"
        case .presencial: "Dirección"
        }
    }

    /// `24 horas · corte 14/02/2026 (por confirmar) verificar vigencia (fuente de 2021)`, wrapped
    /// to `width`; a marker is never split from the date it qualifies.
    static func details(_ channel: Channel, width: Int) -> [StyledLine] {
        var text = ""
        if let hours = channel.hours { text += hours + " · " }
        text += "corte " + DisplayDate.text(channel.cutOff)
        var lines = TextFit.wrap(text, width: width).map { StyledLine($0, style: .muted) }
        var markers: [String] = []
        if channel.unconfirmed { markers.append("(por confirmar)") }
        if let warning = channel.freshness?.warning { markers.append(warning) }
        for marker in markers {
            if let last = lines.last, last.width + 1 + DisplayWidth.of(marker) <= width {
                lines[lines.count - 1].append(" " + marker, style: .unconfirmed)
            } else {
                lines += TextFit.wrap(marker, width: width).map { StyledLine($0, style: .unconfirmed) }
            }
        }
        return lines
    }
}
