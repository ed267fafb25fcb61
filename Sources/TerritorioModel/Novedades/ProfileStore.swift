/// The gestor's profile, kept in the `perfil` table of the store.
public struct ProfileStore {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func load() throws -> Profile {
        var values: [String: String] = [:]
        for row in try database.query("SELECT clave, valor FROM perfil") {
            values[try row.get(0)] = try row.get(1)
        }
        return Profile(name: values["nombre"], entity: values["entidad"], document: values["documento"],
                       server: values["servidor"], token: values["token"], allowsInsecureHTTP: values["http_inseguro"] == "1",
                       accessible: values["accesible"] == "1")
    }

    /// Saves every field of `profile`; a nil field is removed.
    public func save(_ profile: Profile) throws {
        try database.transaction {
            let fields = [("nombre", profile.name), ("entidad", profile.entity), ("documento", profile.document),
                          ("servidor", profile.server), ("token", profile.token),
                          ("http_inseguro", profile.allowsInsecureHTTP ? "1" : nil), ("accesible", profile.accessible ? "1" : nil)]
            for (key, value) in fields {
                if let value {
                    try database.execute("INSERT INTO perfil (clave, valor) VALUES (?, ?) ON CONFLICT (clave) DO UPDATE SET valor = excluded.valor",
                                         [key, value])
                } else {
                    try database.execute("DELETE FROM perfil WHERE clave = ?", [key])
                }
            }
        }
    }
}
