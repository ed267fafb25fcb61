import TerritorioServidorCore

/// `novedad listar`: one line per novedad (with `--json`, `AdminJSON` writes them).
enum NovedadListing {
    static func text(_ novedades: [AcceptedNovedad]) -> String {
        guard !novedades.isEmpty else { return "No se ha recibido ninguna novedad." }
        return novedades.map { novedad in
            "\(novedad.radicado)  \(novedad.estado)  \(novedad.recibida_en)  \(novedad.gestor)  \(novedad.id)  adjuntos: \(novedad.adjuntos.count)"
        }.joined(separator: "\n")
    }
}
