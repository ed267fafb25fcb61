import Foundation
import TerritorioServidorCore

/// `novedad listar`: one line per novedad, or with `--json` a JSON array of objects.
enum NovedadListing {
    static func text(_ novedades: [AcceptedNovedad]) -> String {
        guard !novedades.isEmpty else { return "No se ha recibido ninguna novedad." }
        return novedades.map { novedad in
            "\(novedad.radicado)  \(novedad.estado)  \(novedad.recibida_en)  \(novedad.gestor)  \(novedad.id)  adjuntos: \(novedad.adjuntos.count)"
        }.joined(separator: "\n")
    }

    static func json(_ novedades: [AcceptedNovedad]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(novedades), as: UTF8.self)
    }
}
