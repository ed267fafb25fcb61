import TerritorioServidorCore

/// The line `purgar` and `mantenimiento` print about the retention purge.
enum PurgeReport {
    static func text(_ outcome: RetentionPurge.Outcome) -> String {
        "Novedades purgadas (datos de contacto y fotos): \(outcome.novedades). Fotos retiradas: \(outcome.photos)."
    }
}
