/// The schema of `territorio.sqlite`, as an ordered list of named migrations. Never edit a
/// migration that has shipped: add the next one.
public enum Schema {
    public static let migrator = Migrator(migrations: [
        Migration(version: 1, name: "catalogo", apply: createCatalogue),
        Migration(version: 2, name: "busqueda-rutas", apply: createRouteSearch),
        Migration(version: 3, name: "novedades", apply: createNovedades),
        Migration(version: 4, name: "sincronizacion", apply: createSyncState),
        Migration(version: 5, name: "terminos-busqueda", apply: createSearchTerms),
        Migration(version: 6, name: "papelera", apply: createTrash),
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

    /// Version 3: the gestor's profile, novedades with their outbox fields, their attachments,
    /// and the audit trail of every transition.
    private static func createNovedades(_ database: Database) throws {
        try database.executeScript("""
            CREATE TABLE perfil (
                clave TEXT PRIMARY KEY,
                valor TEXT NOT NULL
            );
            CREATE TABLE novedades (
                id TEXT PRIMARY KEY,
                estado TEXT NOT NULL CHECK (estado IN ('borrador', 'en_cola', 'enviando', 'enviada', 'rechazada')),
                tipo TEXT,
                entidad TEXT,
                localidad TEXT,
                barrio TEXT,
                direccion TEXT,
                latitud REAL,
                longitud REAL,
                observada_en TEXT NOT NULL,
                descripcion TEXT NOT NULL,
                urgencia TEXT,
                poblaciones TEXT NOT NULL,
                contacto_nombre TEXT,
                contacto_telefono TEXT,
                contacto_sensible INTEGER NOT NULL DEFAULT 0,
                contacto_menor INTEGER NOT NULL DEFAULT 0,
                consentimiento_version TEXT,
                consentimiento_por TEXT,
                consentimiento_en TEXT,
                ruta TEXT,
                catalogo_version TEXT,
                autor TEXT,
                creada_en TEXT NOT NULL,
                actualizada_en TEXT NOT NULL,
                corrige TEXT REFERENCES novedades(id),
                carga TEXT,
                intentos INTEGER NOT NULL DEFAULT 0,
                ultimo_error TEXT,
                proximo_intento TEXT,
                envio_intentado INTEGER NOT NULL DEFAULT 0,
                radicado TEXT UNIQUE,
                estado_remoto TEXT,
                motivo_rechazo TEXT,
                enviada_en TEXT,
                purgada_en TEXT,
                CHECK (estado != 'borrador' OR carga IS NULL),
                CHECK (estado NOT IN ('en_cola', 'enviando') OR carga IS NOT NULL)
            );
            CREATE INDEX novedades_estado ON novedades (estado, creada_en);
            CREATE TABLE adjuntos (
                novedad TEXT NOT NULL REFERENCES novedades(id) ON DELETE CASCADE,
                sha256 TEXT NOT NULL,
                orden INTEGER NOT NULL,
                nombre TEXT NOT NULL,
                bytes INTEGER NOT NULL,
                ancho INTEGER NOT NULL,
                alto INTEGER NOT NULL,
                formato TEXT NOT NULL,
                ubicacion_removida INTEGER NOT NULL,
                ubicacion_conservada INTEGER NOT NULL,
                PRIMARY KEY (novedad, sha256)
            ) WITHOUT ROWID;
            CREATE INDEX adjuntos_sha256 ON adjuntos (sha256);
            CREATE TABLE transiciones (
                numero INTEGER PRIMARY KEY,
                novedad TEXT NOT NULL,
                desde TEXT,
                hacia TEXT NOT NULL,
                en TEXT NOT NULL,
                detalle TEXT
            );
            CREATE INDEX transiciones_novedad ON transiciones (novedad, numero);
            """)
    }

    /// Version 4: what sync remembers between runs (cursors), and the note of a novedad's
    /// latest status on the server.
    private static func createSyncState(_ database: Database) throws {
        try database.executeScript("""
            CREATE TABLE sincronizacion (
                clave TEXT PRIMARY KEY,
                valor TEXT NOT NULL
            );
            ALTER TABLE novedades ADD COLUMN nota_remota TEXT;
            """)
    }

    /// Version 5: the search index's terms with how many routes hold each, as a plain table: the
    /// last word typed expands to the real words it begins (FTS5 prefix indexes stop at 4
    /// letters), and typo correction reads its vocabulary from here.
    private static func createSearchTerms(_ database: Database) throws {
        try database.executeScript("""
            CREATE TABLE rutas_terminos (
                termino TEXT PRIMARY KEY,
                rutas INTEGER NOT NULL
            ) WITHOUT ROWID;
            INSERT INTO rutas_terminos (termino, rutas) SELECT term, doc FROM rutas_vocabulario;
            """)
    }

    /// Version 6: a deleted draft goes to the papelera (when, UTC) instead of away, and can be
    /// restored until the retention purge removes it.
    private static func createTrash(_ database: Database) throws {
        try database.executeScript("""
            ALTER TABLE novedades ADD COLUMN papelera_en TEXT;
            CREATE INDEX novedades_papelera ON novedades (papelera_en) WHERE papelera_en IS NOT NULL;
            """)
    }
}
