import TerritorioModel

/// Where the Novedades screen reads novedades. The store's implementation
/// (`StoreNovedadSource`) wraps `NovedadStore`; tests use fixtures.
protocol NovedadSource {
    /// The novedades in any of `states`, newest first.
    func novedades(in states: [NovedadState]) throws -> [Novedad]
    /// How many novedades are in each state.
    func counts() throws -> [NovedadState: Int]
}
