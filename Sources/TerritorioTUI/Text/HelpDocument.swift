import TerritorioModel

/// The help screen's text, generated from `ActionSpec.all`: every key of every screen, by
/// screen, then "acerca de".
enum HelpDocument {
    /// Columns given to the keys before their explanation.
    private static let keyColumn = 22

    /// The lines for `width`, and the line where each context's section starts.
    static func lines(about: AboutInfo, width: Int) -> (lines: [StyledLine], sections: [KeyContext: Int]) {
        var lines = [
            StyledLine("Ayuda", style: .title),
            StyledLine("Las teclas de cada pantalla. F1 abre esta ayuda en cualquier momento.", style: .muted),
        ]
        var sections: [KeyContext: Int] = [:]
        for context in KeyContext.allCases {
            lines.append(StyledLine())
            sections[context] = lines.count
            lines.append(StyledLine(context.helpTitle, style: .heading))
            for spec in ActionSpec.all where spec.contexts.contains(context) {
                lines += row(keys: spec.keysText, help: spec.help, width: width)
            }
        }
        lines += [StyledLine(), StyledLine("Acerca de", style: .heading)]
        lines += wrapped("Territorio \(about.version) — rutas y protocolos de atención, sin conexión.", width: width)
        if let catalogue = about.catalogue {
            var text = "Catálogo \(catalogue.version) del \(DisplayDate.text(catalogue.date)), "
                + NumberText.count(about.routeCount, "ruta", "rutas") + "."
            if catalogue.isSample { text += " " + CatalogueInfo.sampleWarning + "." }
            lines += wrapped(text, width: width)
        } else {
            lines += wrapped("Sin catálogo: impórtelo con «territorio catalogo importar ARCHIVO».", width: width)
        }
        lines += wrapped("Datos en " + about.dataPath, width: width)
        if let server = about.server {
            lines += wrapped("Sincronización con " + server + ": en segundo plano y con «s»; todo funciona también sin conexión.",
                             width: width)
        } else {
            lines += wrapped("Sincronización: sin servidor configurado; todo funciona sin conexión.", width: width)
        }
        return (lines, sections)
    }

    /// `  Enter             Abrir la ruta elegida`, the explanation wrapped beside the keys.
    private static func row(keys: String, help: String, width: Int) -> [StyledLine] {
        let keyWidth = min(keyColumn, max(8, width / 3))
        let keysText = TextFit.truncate(keys, to: keyWidth - 3)
        let padding = String(repeating: " ", count: max(1, keyWidth - 2 - DisplayWidth.of(keysText)))
        return TextFit.wrap(help, width: max(1, width - keyWidth)).enumerated().map { index, text in
            guard index == 0 else { return StyledLine(String(repeating: " ", count: keyWidth) + text) }
            return StyledLine([.init(text: "  " + keysText, style: .footerKey), .init(text: padding + text, style: .plain)])
        }
    }

    private static func wrapped(_ text: String, width: Int) -> [StyledLine] {
        TextFit.wrap(text, width: width).map { StyledLine($0) }
    }
}
