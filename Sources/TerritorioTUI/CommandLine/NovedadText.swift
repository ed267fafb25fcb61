import TerritorioModel

/// Novedades as plain text for the terminal, times in Bogotá.
enum NovedadText {
    /// `3f2a9c1e  en cola     Hueco o daño en la vía · Kennedy · 22/11/2026 16:46 · 2 fotos`.
    static func line(_ novedad: Novedad, references: ReferenceLists) -> String {
        var parts = [novedad.type.map { references.name(.tipos, id: $0) } ?? "(sin tipo)"]
        if let localidad = novedad.localidad { parts.append(references.name(.localidades, id: localidad)) }
        parts.append(BogotaTime.display(novedad.createdAt))
        if !novedad.attachments.isEmpty { parts.append("\(novedad.attachments.count) foto\(novedad.attachments.count == 1 ? "" : "s")") }
        if let radicado = novedad.outbox.radicado { parts.append(radicado) }
        return "  \(novedad.id.prefix(8))  \(novedad.state.label.padding(toLength: 10, withPad: " ", startingAt: 0))  "
            + parts.joined(separator: " · ")
    }

    static func detail(_ novedad: Novedad, references: ReferenceLists) -> String {
        func name(_ kind: ReferenceKind, _ id: String?) -> String { id.map { references.name(kind, id: $0) } ?? "—" }
        var lines = [
            "Novedad \(novedad.id)",
            "Estado: \(novedad.state.label)" + (novedad.outbox.radicado.map { " · radicado \($0)" } ?? ""),
        ]
        if let remote = novedad.outbox.remoteStatus {
            // The note is the server's text: shown on one line, its control characters visible.
            lines.append("En el servidor: " + remote.replacingOccurrences(of: "_", with: " ")
                         + (novedad.outbox.remoteNote.map { " · nota: " + TerminalText.visible($0) } ?? ""))
        }
        lines += [
            "Tipo: \(name(.tipos, novedad.type))",
            "Entidad competente: \(name(.entidades, novedad.entity))",
            "Localidad: \(name(.localidades, novedad.localidad))",
        ]
        if let neighborhood = novedad.neighborhood { lines.append("Barrio/UPZ: \(neighborhood)") }
        if let address = novedad.address { lines.append("Dirección o referencia: \(address)") }
        if let coordinates = novedad.coordinates { lines.append("Coordenadas: \(coordinates.latitude),\(coordinates.longitude)") }
        lines.append("Observada: \(BogotaTime.display(novedad.observedAt))")
        if let urgency = novedad.urgency { lines.append("Urgencia: \(name(.urgencias, urgency))") }
        if !novedad.populationGroups.isEmpty {
            lines.append("Población: " + novedad.populationGroups.map { references.name(.poblaciones, id: $0) }.joined(separator: ", "))
        }
        if let route = novedad.route { lines.append("Ruta: \(route)") }
        if let contact = novedad.contact {
            var text = "Contacto: " + [contact.name, contact.phone].compactMap { $0 }.joined(separator: " · ")
            if let consent = contact.consent {
                text += " (consentimiento \(consent.textVersion), \(consent.takenBy), \(BogotaTime.display(consent.takenAt)))"
            } else {
                text += " (sin consentimiento registrado)"
            }
            lines.append(text)
        }
        lines += ["", novedad.description.isEmpty ? "(sin descripción)" : novedad.description, ""]
        if novedad.attachments.isEmpty {
            lines.append("Sin fotos.")
        } else {
            lines.append("Fotos:")
            for attachment in novedad.attachments {
                let location = attachment.keptLocation ? "ubicación conservada" : attachment.locationRemoved ? "ubicación quitada" : "sin ubicación"
                lines.append("  \(attachment.sha256.prefix(12))  \(attachment.name) · \(attachment.width)×\(attachment.height) · "
                             + "\(ByteCount.text(attachment.bytes)) · \(location)")
            }
        }
        if novedad.outbox.attempts > 0 || novedad.outbox.lastError != nil {
            lines.append("Intentos: \(novedad.outbox.attempts)" + (novedad.outbox.lastError.map { " · último error: \($0)" } ?? "")
                         + (novedad.outbox.nextAttempt.map { " · próximo intento: \(BogotaTime.display($0))" } ?? ""))
        }
        if let reason = novedad.outbox.rejectionReason { lines.append("Motivo del rechazo: \(reason)") }
        if let corrects = novedad.corrects { lines.append("Corrige a: \(corrects)") }
        lines.append("Creada: \(BogotaTime.display(novedad.createdAt)) · actualizada: \(BogotaTime.display(novedad.updatedAt))")
        return lines.joined(separator: "\n")
    }
}
