import TerritorioServidorCore
import TerritorioWire

/// `titular consultar`: each novedad with the person's contact data as a short block (with
/// `--json`, `AdminJSON` writes them); and what `titular suprimir` did. Text from the clients is
/// shown with control characters made visible, so a stored name cannot drive the terminal of
/// whoever reads it.
enum TitularListing {
    static func text(_ findings: [TitularRequests.Finding]) -> String {
        guard !findings.isEmpty else { return "Ninguna novedad guarda datos de contacto de esa persona." }
        return findings.map { finding in
            let contact = finding.contacto
            var lines = [
                "\(finding.radicado)  recibida \(finding.recibida_en)  \(finding.estado)  gestor: \(TerminalText.visible(finding.gestor))",
                "  nombre: \(contact.nombre.map { TerminalText.visible($0) } ?? "—")",
                "  teléfono: \(contact.telefono.map { TerminalText.visible($0) } ?? "—")",
                "  datos sensibles: \(yesNo(contact.datosSensibles))  datos de menor: \(yesNo(contact.datosDeMenor))",
            ]
            if let consent = contact.consentimiento {
                lines.append("  consentimiento: texto \(TerminalText.visible(consent.version_texto ?? "—")), tomado por \(TerminalText.visible(consent.tomado_por ?? "—")) el \(TerminalText.visible(consent.tomado_en ?? "—"))")
            } else {
                lines.append("  consentimiento: no registrado")
            }
            return lines.joined(separator: "\n")
        }.joined(separator: "\n") + "\n\(findings.count == 1 ? "1 novedad" : "\(findings.count) novedades")."
    }

    static func suppressed(radicado: String, _ done: TitularRequests.Suppression, deletedObjects: Int?) -> String {
        let contact = done.hadContact ? "datos de contacto suprimidos" : "no tenía datos de contacto"
        let photos = deletedObjects.map { " Fotos retiradas de la novedad: \(done.photos); objetos borrados del almacén: \($0)." } ?? ""
        return "\(radicado): \(contact); registro de auditoría \(done.auditID).\(photos)"
    }

    private static func yesNo(_ flag: Bool?) -> String {
        flag.map { $0 ? "sí" : "no" } ?? "—"
    }
}
