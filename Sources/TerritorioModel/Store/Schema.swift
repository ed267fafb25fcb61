/// The schema of `territorio.sqlite`, as an ordered list of named migrations. Never edit a
/// migration that has shipped: add the next one.
public enum Schema {
    public static let migrator = Migrator(migrations: [
        Migration(version: 1, name: "catalogo", apply: createCatalogue),
        Migration(version: 2, name: "busqueda-rutas", apply: createRouteSearch),
    ])

    /// Version 1: the catalogue's reference lists, routes and the links used to filter them.
    private static func createCatalogue(_ database: Database) throws {
        try database.executeScript("""
            CREATE TABLE catalogo_meta (
                clave TEXT PRIMARY KEY,
                valor TEXT NOT NULL
            );
            CREATE TABLE referencias (
                lista TEXT NOT NULL,
                id TEXT NOT NULL,
                orden INTEGER NOT NULL,
                nombre TEXT NOT NULL,
                numero INTEGER,
                sigla TEXT,
                descripcion TEXT,
                entidad TEXT,
                tema TEXT,
                PRIMARY KEY (lista, id)
            ) WITHOUT ROWID;
            CREATE TABLE rutas (
                numero INTEGER PRIMARY KEY,
                id TEXT NOT NULL UNIQUE,
                titulo TEXT NOT NULL,
                resumen TEXT NOT NULL,
                documento TEXT NOT NULL
            );
            CREATE TABLE ruta_referencias (
                ruta INTEGER NOT NULL REFERENCES rutas(numero) ON DELETE CASCADE,
                lista TEXT NOT NULL,
                valor TEXT NOT NULL,
                PRIMARY KEY (ruta, lista, valor)
            ) WITHOUT ROWID;
            CREATE INDEX ruta_referencias_valor ON ruta_referencias (lista, valor, ruta);
            """)
    }

    /// Version 2: full-text search over routes, accents and case removed, with prefix indexes so
    /// the first letters typed answer at once, and its vocabulary (for typo correction); filled
    /// from the routes already stored.
    private static func createRouteSearch(_ database: Database) throws {
        try database.executeScript("""
            CREATE VIRTUAL TABLE rutas_busqueda USING fts5(
                titulo, cuerpo,
                tokenize = 'unicode61 remove_diacritics 2',
                prefix = '1 2 3 4'
            );
            CREATE VIRTUAL TABLE rutas_vocabulario USING fts5vocab(rutas_busqueda, 'row');
            """)
        let references = try CatalogueStore(database: database).references()
        let insert = try database.prepare("INSERT INTO rutas_busqueda (rowid, titulo, cuerpo) VALUES (?, ?, ?)")
        for row in try database.query("SELECT numero, documento FROM rutas") {
            let ruta = try CatalogueStore.decodeStored(try row.get(1))
            try insert.run([try row.get(0, as: Int64.self), ruta.title, RouteSearchText.body(of: ruta, references: references)])
        }
    }
}
