/// The usage lines, shown by `ayuda` and after a usage error.
enum Usage {
    static let serve = "territorio-servidor servir [--puerto N] [--escuchar-en HOST]"
    static let createToken = "territorio-servidor token crear --gestor ID [--nombre \"NOMBRE VISIBLE\"]"
    static let listTokens = "territorio-servidor token listar [--gestor ID]"
    static let revokeToken = "territorio-servidor token revocar (--gestor ID | --token-id N)"
    static let tokens = [createToken, listTokens, revokeToken].joined(separator: "\n     ")
    static let publishCatalogue = "territorio-servidor catalogo publicar ARCHIVO"
    static let listNovedades = "territorio-servidor novedad listar [--json]"
    static let setStatus = "territorio-servidor novedad estado RADICADO ESTADO [--nota TEXTO]"
    static let maintenance = "territorio-servidor mantenimiento"
    static let migrateAttachments = "territorio-servidor migrar-adjuntos"
    static let findTitular = "territorio-servidor titular consultar (--telefono TELÉFONO | --nombre NOMBRE) [--json]"
    static let suppressTitular = "territorio-servidor titular suprimir --radicado RADICADO [--motivo TEXTO] [--fotos]"
    static let titular = [findTitular, suppressTitular].joined(separator: "\n     ")
    static let purge = "territorio-servidor purgar [--dias N] [--dias-abiertas N]"

    static let all = [serve, createToken, listTokens, revokeToken, publishCatalogue, listNovedades, setStatus, maintenance, migrateAttachments,
                      findTitular, suppressTitular, purge]

    static let help = """
        Servidor de referencia de sincronización de Territorio (docs/protocolo-sincronizacion.md).
        La base de datos se toma de TERRITORIO_DB_URL, p. ej. postgres://territorio@127.0.0.1:5432/territorio

        \(all.map { "  " + $0 }.joined(separator: "\n"))

        Un gestor es un identificador estable (minúsculas, dígitos, «.», «_», «-») y un nombre visible
        que puede repetirse; cada dispositivo lleva su propio token. «token crear --gestor "Ana Pérez"»
        sin --nombre crea un gestor nuevo con ese nombre y un identificador derivado (ana-perez, ana-perez-2…).

        servir escucha por omisión en 127.0.0.1:8080 con HTTP sin cifrar; en producción póngalo
        detrás de un proxy con TLS. ESTADO es recibida, en_tramite, atendida o cerrada.

        Las fotos van a un almacén S3 si se definen TERRITORIO_S3_URL, TERRITORIO_S3_BUCKET,
        TERRITORIO_S3_ACCESS_KEY y TERRITORIO_S3_SECRET_KEY (TERRITORIO_S3_REGION, por omisión
        us-east-1; TERRITORIO_S3_PREFIJO, la parte del bucket de este servidor); si no, a la carpeta
        TERRITORIO_ADJUNTOS_DIR (por omisión $STATE_DIRECTORY/adjuntos o
        ~/.local/share/territorio-servidor/adjuntos).
        Cada gestor puede tener hasta 200 MiB en subidas sin terminar (TERRITORIO_SUBIDAS_MAX_MIB).
        mantenimiento borra las subidas sin terminar de más de 7 días (TERRITORIO_SUBIDAS_DIAS), las
        fotos que ninguna novedad nombra desde hace 7 días (TERRITORIO_FOTOS_SIN_NOVEDAD_DIAS) y lo
        que nada nombra en el almacén (servir lo hace cada hora).
        migrar-adjuntos pasa al almacén las fotos que versiones anteriores guardaban en PostgreSQL.

        Datos personales (Ley 1581 de 2012): «titular consultar» lista las novedades con datos de contacto
        de esa persona (nombre sin importar mayúsculas ni tildes; teléfono por sus dígitos); «titular
        suprimir» borra los datos de contacto de una novedad, y con --fotos también sus fotos (cuando
        muestran a la persona), y deja constancia de quién, cuándo y por qué (el motivo no puede llevar
        los datos del titular). purgar borra los datos de contacto y las fotos
        de las novedades atendidas o cerradas hace más de --dias días (TERRITORIO_CONSERVAR_DIAS, por
        omisión 180) y de las nunca cerradas recibidas hace más de --dias-abiertas días
        (TERRITORIO_CONSERVAR_ABIERTAS_DIAS, por omisión 730); servir y mantenimiento lo hacen también.
        Los cuerpos se reconocen por un digesto con clave: el archivo TERRITORIO_SECRETO_ARCHIVO (si no se
        da, $STATE_DIRECTORY/secreto o ~/.local/share/territorio-servidor/secreto, creado la primera vez),
        el mismo en todas las instancias.
        """
}
