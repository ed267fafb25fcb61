/// What sync remembers between runs, in the `sincronizacion` table: the cursors of the two
/// pulls and the catalogue's ETag. Each is saved in the transaction that stores what it covers.
struct SyncState {
    let database: Database

    func value(_ key: String) throws -> String? {
        try database.scalar("SELECT valor FROM sincronizacion WHERE clave = ?", [key], as: String.self)
    }

    func set(_ key: String, _ value: String) throws {
        try database.execute("""
            INSERT INTO sincronizacion (clave, valor) VALUES (?, ?)
            ON CONFLICT (clave) DO UPDATE SET valor = excluded.valor
            """, [key, value])
    }

    static let catalogueCursor = "cursor_catalogo"
    static let statusCursor = "cursor_estados"
    static let lastRun = "ultima_sincronizacion"
}
