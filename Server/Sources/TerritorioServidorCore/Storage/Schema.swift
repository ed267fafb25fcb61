import NIOCore
import PostgresNIO

/// The database schema as numbered steps, recorded in `esquema_versiones` so each runs once.
/// Every command migrates before working, under an advisory lock so two starting processes do not
/// run the same step twice. Steps are only ever appended; a released step is never edited.
public enum Schema {
    /// Each step is a list of statements: PostgreSQL prepares one statement per query.
    static let steps: [[PostgresQuery]] = [
        [
            """
            CREATE TABLE gestores (
                id bigserial PRIMARY KEY,
                nombre text NOT NULL UNIQUE,
                creado_en timestamptz NOT NULL DEFAULT now()
            )
            """,
            """
            CREATE TABLE tokens (
                id bigserial PRIMARY KEY,
                sha256 text NOT NULL UNIQUE CHECK (sha256 ~ '^[0-9a-f]{64}$'),
                gestor_id bigint NOT NULL REFERENCES gestores,
                creado_en timestamptz NOT NULL DEFAULT now(),
                revocado_en timestamptz
            )
            """,
            """
            CREATE TABLE adjuntos (
                sha256 text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
                contenido bytea NOT NULL,
                bytes bigint NOT NULL,
                recibido_en timestamptz NOT NULL DEFAULT now()
            )
            """,
            "CREATE SEQUENCE radicados",
            """
            CREATE TABLE novedades (
                id uuid PRIMARY KEY,
                radicado text NOT NULL UNIQUE,
                gestor_id bigint NOT NULL REFERENCES gestores,
                token_id bigint NOT NULL REFERENCES tokens,
                cuerpo bytea NOT NULL,
                cuerpo_sha256 text NOT NULL,
                recibida_en timestamptz NOT NULL DEFAULT now()
            )
            """,
            """
            CREATE TABLE novedad_adjuntos (
                novedad_id uuid NOT NULL REFERENCES novedades,
                posicion integer NOT NULL,
                sha256 text NOT NULL REFERENCES adjuntos,
                PRIMARY KEY (novedad_id, posicion)
            )
            """,
            """
            CREATE TABLE estados (
                seq bigint PRIMARY KEY,
                novedad_id uuid NOT NULL REFERENCES novedades,
                estado text NOT NULL CHECK (estado IN ('recibida', 'en_tramite', 'atendida', 'cerrada')),
                nota text,
                cambiado_en timestamptz NOT NULL DEFAULT now()
            )
            """,
            "CREATE INDEX estados_novedad ON estados (novedad_id, seq)",
            """
            CREATE TABLE contadores (
                nombre text PRIMARY KEY,
                valor bigint NOT NULL
            )
            """,
            "INSERT INTO contadores VALUES ('estados', 0), ('catalogo', 0)",
            """
            CREATE FUNCTION iso_utc(instante timestamptz) RETURNS text
            LANGUAGE sql STABLE
            RETURN to_char(instante AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
            """,
            """
            CREATE FUNCTION nuevo_radicado() RETURNS text
            LANGUAGE sql VOLATILE
            RETURN 'TER-' || to_char(now() AT TIME ZONE 'America/Bogota', 'YYYY') || '-' || lpad(nextval('radicados')::text, 6, '0')
            """,
            """
            CREATE TABLE catalogo_versiones (
                seq bigint PRIMARY KEY,
                version text NOT NULL,
                fecha text NOT NULL,
                muestra boolean NOT NULL,
                aviso text,
                referencias text NOT NULL,
                publicada_en timestamptz NOT NULL DEFAULT now()
            )
            """,
            """
            CREATE TABLE catalogo_rutas (
                seq bigint NOT NULL REFERENCES catalogo_versiones,
                posicion integer NOT NULL,
                ruta_id text NOT NULL,
                documento text NOT NULL,
                PRIMARY KEY (seq, ruta_id)
            )
            """,
        ],
        // Resumable uploads: the bytes of an attachment received so far.
        [
            """
            CREATE TABLE subidas (
                sha256 text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
                longitud bigint NOT NULL CHECK (longitud > 0),
                recibido bytea NOT NULL,
                actualizada_en timestamptz NOT NULL DEFAULT now(),
                CHECK (octet_length(recibido) <= longitud)
            )
            """,
        ],
        // Catalogue format /2: each version's list of sources (null for a version published from /1).
        [
            "ALTER TABLE catalogo_versiones ADD COLUMN fuentes text",
        ],
        // Photos in the object store: PostgreSQL keeps names, sizes and who sent what. `objetos`
        // lists every object the server wrote or is writing, so none is ever orphaned in the
        // store: whatever no piece or attachment names any more is deleted by `mantenimiento`.
        // Uploads belong to the gestor who sends them, and keep their pieces as objects.
        [
            """
            CREATE TABLE objetos (
                nombre text PRIMARY KEY,
                en_uso boolean NOT NULL DEFAULT false,
                creado_en timestamptz NOT NULL DEFAULT now()
            )
            """,
            "ALTER TABLE adjuntos ALTER COLUMN contenido DROP NOT NULL",
            "ALTER TABLE adjuntos ADD COLUMN objeto text UNIQUE REFERENCES objetos",
            "ALTER TABLE adjuntos ADD CHECK (objeto IS NOT NULL OR contenido IS NOT NULL)",
            """
            CREATE TABLE adjuntos_gestores (
                gestor_id bigint NOT NULL REFERENCES gestores,
                sha256 text NOT NULL REFERENCES adjuntos ON DELETE CASCADE,
                recibido_en timestamptz NOT NULL DEFAULT now(),
                PRIMARY KEY (gestor_id, sha256)
            )
            """,
            """
            INSERT INTO adjuntos_gestores (gestor_id, sha256, recibido_en)
            SELECT n.gestor_id, a.sha256, min(n.recibida_en) FROM novedad_adjuntos a JOIN novedades n ON n.id = a.novedad_id
            GROUP BY n.gestor_id, a.sha256
            """,
            "DROP TABLE subidas",
            """
            CREATE TABLE subidas (
                id bigserial PRIMARY KEY,
                gestor_id bigint NOT NULL REFERENCES gestores,
                sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
                longitud bigint NOT NULL CHECK (longitud > 0),
                recibidos bigint NOT NULL CHECK (recibidos > 0 AND recibidos < longitud),
                actualizada_en timestamptz NOT NULL DEFAULT now(),
                UNIQUE (gestor_id, sha256)
            )
            """,
            """
            CREATE TABLE subida_piezas (
                subida_id bigint NOT NULL REFERENCES subidas ON DELETE CASCADE,
                desde bigint NOT NULL,
                bytes bigint NOT NULL CHECK (bytes > 0),
                objeto text NOT NULL UNIQUE REFERENCES objetos,
                PRIMARY KEY (subida_id, desde)
            )
            """,
        ],
        // Gestores apart: a stable identifier beside a display name that may repeat. Today's
        // gestores get the slug of their name (`-2`, `-3`… when taken), oldest first.
        [
            "ALTER TABLE gestores ADD COLUMN identificador text UNIQUE CHECK (identificador ~ '^[a-z0-9._-]{1,64}$')",
            """
            CREATE FUNCTION identificador_para(nombre text) RETURNS text
            LANGUAGE plpgsql VOLATILE
            AS $$
            DECLARE
                base text := left(trim(BOTH '-.' FROM regexp_replace(
                    lower(translate(nombre, 'áàâäãéèêëíìîïóòôöõúùûüñçÁÀÂÄÃÉÈÊËÍÌÎÏÓÒÔÖÕÚÙÛÜÑÇ',
                                            'aaaaaeeeeiiiiooooouuuuncaaaaaeeeeiiiiooooouuuunc')),
                    '[^a-z0-9._-]+', '-', 'g')), 56);
                candidato text;
                n integer := 1;
            BEGIN
                IF base = '' THEN base := 'gestor'; END IF;
                candidato := base;
                WHILE EXISTS (SELECT 1 FROM gestores WHERE identificador = candidato) LOOP
                    n := n + 1;
                    candidato := base || '-' || n;
                END LOOP;
                RETURN candidato;
            END
            $$
            """,
            """
            DO $$
            DECLARE g record;
            BEGIN
                FOR g IN SELECT id, nombre FROM gestores ORDER BY id LOOP
                    UPDATE gestores SET identificador = identificador_para(g.nombre) WHERE id = g.id;
                END LOOP;
            END
            $$
            """,
            "ALTER TABLE gestores ALTER COLUMN identificador SET NOT NULL",
            "ALTER TABLE gestores DROP CONSTRAINT gestores_nombre_key",
        ],
        // The status feed read from an index (gestor, sequence), not by scanning every change
        // after the cursor: each change carries its novedad's gestor.
        [
            "ALTER TABLE estados ADD COLUMN gestor_id bigint",
            "UPDATE estados e SET gestor_id = n.gestor_id FROM novedades n WHERE n.id = e.novedad_id",
            "ALTER TABLE estados ALTER COLUMN gestor_id SET NOT NULL",
            "CREATE INDEX estados_gestor ON estados (gestor_id, seq)",
        ],
        // The photos' bytes leave PostgreSQL: only once `migrar-adjuntos` has moved every one
        // of them into the object store (see `readiness`).
        [
            "ALTER TABLE adjuntos DROP COLUMN contenido",
            "ALTER TABLE adjuntos ALTER COLUMN objeto SET NOT NULL",
        ],
        // Personal data (Ley 1581 de 2012). Bodies are recognised by a keyed digest (HMAC-SHA256
        // with the server's secret, from `secreto_migracion`, see `migrate`) instead of a plain
        // SHA-256, which would let a deleted phone number be guessed back from a copy of the
        // database; the stored ones are digested again from their bodies. The database keeps a
        // check value of the secret so an instance with another one is refused. A purged
        // novedad is marked; every deletion of contact data (a titular's request or the
        // retention purge) is recorded: who, when, why — never the data.
        [
            "ALTER TABLE novedades ADD COLUMN cuerpo_hmac text",
            """
            UPDATE novedades SET cuerpo_hmac = encode(sha256(s.externo || sha256(s.interno || cuerpo)), 'hex')
            FROM secreto_migracion s
            """,
            "ALTER TABLE novedades ALTER COLUMN cuerpo_hmac SET NOT NULL",
            "ALTER TABLE novedades DROP COLUMN cuerpo_sha256",
            """
            CREATE TABLE secreto_verificacion (
                unico boolean PRIMARY KEY DEFAULT true CHECK (unico),
                valor text NOT NULL
            )
            """,
            "INSERT INTO secreto_verificacion (valor) SELECT verificacion FROM secreto_migracion",
            "ALTER TABLE novedades ADD COLUMN purgada_en timestamptz",
            """
            CREATE TABLE retiros_datos (
                id bigserial PRIMARY KEY,
                novedad_id uuid NOT NULL REFERENCES novedades,
                causa text NOT NULL CHECK (causa IN ('solicitud', 'plazo')),
                usuario text NOT NULL,
                motivo text,
                habia_contacto boolean NOT NULL,
                fotos integer NOT NULL DEFAULT 0,
                hecho_en timestamptz NOT NULL DEFAULT now()
            )
            """,
            "CREATE INDEX retiros_datos_novedad ON retiros_datos (novedad_id)",
        ],
        // Radicados past 999 999 keep every digit: step 1's `lpad(…, 6, '0')` cut a longer number
        // to its first six, so the millionth novedad would have been refused as a duplicate of
        // the 100 000th.
        [
            """
            CREATE OR REPLACE FUNCTION nuevo_radicado() RETURNS text
            LANGUAGE sql VOLATILE
            RETURN (SELECT 'TER-' || to_char(now() AT TIME ZONE 'America/Bogota', 'YYYY') || '-' || lpad(n, greatest(6, length(n)), '0')
                    FROM (SELECT nextval('radicados')::text AS n) siguiente)
            """,
        ],
        // An upload's piece and a photo's completion each in one statement instead of a
        // transaction of five or six round trips (under load, PostgreSQL's work per photo
        // and the server's wait for it): the same statements, in order, inside a function.
        [
            """
            CREATE FUNCTION registrar_pieza(p_gestor bigint, p_sha256 text, p_longitud bigint, p_desde bigint, p_bytes bigint,
                                            p_objeto text) RETURNS boolean
            LANGUAGE plpgsql VOLATILE
            AS $$
            DECLARE subida bigint;
            BEGIN
                IF p_desde = 0 THEN
                    -- A piece at 0 starts the upload over, whatever the gestor held before under another length.
                    INSERT INTO subidas (gestor_id, sha256, longitud, recibidos) VALUES (p_gestor, p_sha256, p_longitud, p_bytes)
                    ON CONFLICT (gestor_id, sha256) DO UPDATE
                        SET recibidos = excluded.recibidos, longitud = excluded.longitud, actualizada_en = now()
                        WHERE subidas.longitud <> excluded.longitud
                    RETURNING id INTO subida;
                    IF subida IS NULL THEN RETURN false; END IF;
                    DELETE FROM subida_piezas WHERE subida_id = subida;
                ELSE
                    UPDATE subidas SET recibidos = recibidos + p_bytes, actualizada_en = now()
                    WHERE gestor_id = p_gestor AND sha256 = p_sha256 AND recibidos = p_desde AND longitud = p_longitud
                    RETURNING id INTO subida;
                    IF subida IS NULL THEN RETURN false; END IF;
                END IF;
                INSERT INTO subida_piezas (subida_id, desde, bytes, objeto) VALUES (subida, p_desde, p_bytes, p_objeto);
                UPDATE objetos SET en_uso = true WHERE nombre = p_objeto;
                RETURN true;
            END
            $$
            """,
            """
            CREATE FUNCTION completar_adjunto(p_gestor bigint, p_sha256 text, p_bytes bigint, p_objeto text, p_recibidos bigint)
                RETURNS boolean
            LANGUAGE plpgsql VOLATILE
            AS $$
            BEGIN
                IF p_recibidos > 0 THEN
                    DELETE FROM subidas WHERE gestor_id = p_gestor AND sha256 = p_sha256 AND recibidos = p_recibidos;
                    IF NOT FOUND THEN RETURN false; END IF;
                ELSE
                    -- Sent whole: an upload left under another length has no use any more.
                    DELETE FROM subidas WHERE gestor_id = p_gestor AND sha256 = p_sha256;
                END IF;
                IF p_objeto IS NOT NULL THEN
                    UPDATE objetos SET en_uso = true WHERE nombre = p_objeto;
                    INSERT INTO adjuntos (sha256, bytes, objeto) VALUES (p_sha256, p_bytes, p_objeto) ON CONFLICT (sha256) DO NOTHING;
                END IF;
                INSERT INTO adjuntos_gestores (gestor_id, sha256) SELECT p_gestor, sha256 FROM adjuntos WHERE sha256 = p_sha256
                ON CONFLICT (gestor_id, sha256) DO UPDATE SET recibido_en = now();
                IF NOT FOUND THEN
                    RAISE EXCEPTION 'adjunto % desaparecido', p_sha256 USING ERRCODE = 'TR001';
                END IF;
                RETURN true;
            END
            $$
            """,
        ],
    ]

    /// Steps that wait for something only a command can do: the step runs once this query
    /// answers true; until then it and every later step are left for a later start.
    static let readiness: [Int: PostgresQuery] = [
        7: "SELECT NOT EXISTS (SELECT 1 FROM adjuntos WHERE objeto IS NULL)",
    ]

    /// Applies the steps this database has not seen yet, up to `lastStep` (tests build a database
    /// as an earlier version left it), then checks that `secret` is the one the database knows.
    /// The secret reaches the steps only through a temporary table of this transaction, which
    /// PostgreSQL never writes to its log. Returns whether every step is applied.
    @discardableResult
    public static func migrate(_ database: Database, secret: DigestSecret, through lastStep: Int? = nil) async throws -> Bool {
        try await database.client.withTransaction(logger: database.logger) { connection in
            try await connection.query("SELECT pg_advisory_xact_lock(7245001)", logger: database.logger)
            let pads = secret.pads
            try await connection.query("""
                CREATE TEMPORARY TABLE secreto_migracion (interno bytea NOT NULL, externo bytea NOT NULL, verificacion text NOT NULL) ON COMMIT DROP
                """, logger: database.logger)
            try await connection.query("""
                INSERT INTO secreto_migracion VALUES (\(ByteBuffer(bytes: pads.inner)), \(ByteBuffer(bytes: pads.outer)), \(secret.checkValue))
                """, logger: database.logger)
            try await connection.query("""
                CREATE TABLE IF NOT EXISTS esquema_versiones (
                    version integer PRIMARY KEY,
                    aplicada_en timestamptz NOT NULL DEFAULT now()
                )
                """, logger: database.logger)
            let rows = try await connection.query("SELECT coalesce(max(version), 0) FROM esquema_versiones", logger: database.logger)
            var applied = 0
            for try await version in rows.decode(Int.self) { applied = version }
            for (index, step) in steps.enumerated() where index + 1 > applied && index + 1 <= lastStep ?? steps.count {
                if let ready = readiness[index + 1] {
                    var isReady = false
                    for try await answer in try await connection.query(ready, logger: database.logger).decode(Bool.self) { isReady = answer }
                    guard isReady else { break }
                }
                for statement in step {
                    try await connection.query(statement, logger: database.logger)
                }
                try await connection.query("INSERT INTO esquema_versiones (version) VALUES (\(index + 1))", logger: database.logger)
                applied = index + 1
            }
            if applied >= secretStep {
                var known: String?
                for try await value in try await connection.query("SELECT valor FROM secreto_verificacion", logger: database.logger).decode(String.self) {
                    known = value
                }
                guard known == secret.checkValue else {
                    throw ServerFailure("""
                        El secreto de los digestos (\(DigestSecret.fileVariable)) no es el que usa esta base de datos: todas las \
                        instancias y órdenes deben leer el mismo archivo. Use el de las demás instancias.
                        """)
                }
            }
            return applied == steps.count
        }
    }

    /// The first step that knows the digest secret.
    static let secretStep = 8
}
