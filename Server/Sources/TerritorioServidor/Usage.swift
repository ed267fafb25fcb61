/// The usage lines, shown by `ayuda` and after a usage error.
enum Usage {
    static let serve = "territorio-servidor servir [--puerto N] [--escuchar-en HOST]"
    static let createToken = "territorio-servidor token crear --gestor NOMBRE"
    static let revokeToken = "territorio-servidor token revocar --gestor NOMBRE"
    static let publishCatalogue = "territorio-servidor catalogo publicar ARCHIVO"
    static let listNovedades = "territorio-servidor novedad listar [--json]"
    static let setStatus = "territorio-servidor novedad estado RADICADO ESTADO [--nota TEXTO]"

    static let all = [serve, createToken, revokeToken, publishCatalogue, listNovedades, setStatus]

    static let help = """
        Servidor de referencia de sincronización de Territorio (docs/protocolo-sincronizacion.md).
        La base de datos se toma de TERRITORIO_DB_URL, p. ej. postgres://territorio@127.0.0.1:5432/territorio

        \(all.map { "  " + $0 }.joined(separator: "\n"))

        servir escucha por omisión en 127.0.0.1:8080 con HTTP sin cifrar; en producción póngalo
        detrás de un proxy con TLS. ESTADO es recibida, en_tramite, atendida o cerrada.
        """
}
