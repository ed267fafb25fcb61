/// Reads a novedad and its attachments from their rows.
struct NovedadReader {
    let database: Database

    func load(_ id: String) throws -> Novedad {
        guard let row = try database.query("""
            SELECT id, estado, tipo, entidad, localidad, barrio, direccion, latitud, longitud, observada_en, descripcion,
                   urgencia, poblaciones, contacto_nombre, contacto_telefono, contacto_sensible, contacto_menor,
                   consentimiento_version, consentimiento_por, consentimiento_en, ruta, catalogo_version, autor,
                   creada_en, actualizada_en, corrige, intentos, ultimo_error, proximo_intento, envio_intentado,
                   radicado, estado_remoto, nota_remota, motivo_rechazo, enviada_en, purgada_en, papelera_en
            FROM novedades WHERE id = ?
            """, [id]).first else { throw NovedadError.notFound(id) }
        let latitude: Double? = try row.get("latitud"), longitude: Double? = try row.get("longitud")
        let contactName: String? = try row.get("contacto_nombre"), contactPhone: String? = try row.get("contacto_telefono")
        let consentVersion: String? = try row.get("consentimiento_version")
        var contact: CitizenContact?
        if contactName != nil || contactPhone != nil || consentVersion != nil {
            var consent: Consent?
            if let consentVersion {
                consent = Consent(textVersion: consentVersion, takenBy: try row.get("consentimiento_por"),
                                  takenAt: try row.get("consentimiento_en"))
            }
            contact = CitizenContact(name: contactName, phone: contactPhone, consent: consent,
                                     includesSensitiveData: try row.get("contacto_sensible"),
                                     concernsAChild: try row.get("contacto_menor"))
        }
        let groups = try JSONParser.parse(try row.get("poblaciones", as: String.self))
        var populationGroups: [String] = []
        if case .array(let items) = groups {
            populationGroups = items.compactMap { if case .string(let id) = $0 { id } else { nil } }
        }
        let outbox = OutboxStatus(
            attempts: try row.get("intentos"), lastError: try row.get("ultimo_error"),
            nextAttempt: try row.get("proximo_intento"), sendAttempted: try row.get("envio_intentado"),
            radicado: try row.get("radicado"), remoteStatus: try row.get("estado_remoto"), remoteNote: try row.get("nota_remota"),
            rejectionReason: try row.get("motivo_rechazo"), sentAt: try row.get("enviada_en"), purgedAt: try row.get("purgada_en"))
        return Novedad(
            id: try row.get("id"),
            state: NovedadState(rawValue: try row.get("estado")) ?? .borrador,
            type: try row.get("tipo"), entity: try row.get("entidad"), localidad: try row.get("localidad"),
            neighborhood: try row.get("barrio"), address: try row.get("direccion"),
            coordinates: latitude.flatMap { lat in longitude.map { Coordinates(latitude: lat, longitude: $0) } },
            observedAt: try row.get("observada_en"), description: try row.get("descripcion"),
            urgency: try row.get("urgencia"), populationGroups: populationGroups, contact: contact,
            route: try row.get("ruta"), catalogueVersion: try row.get("catalogo_version"), author: try row.get("autor"),
            createdAt: try row.get("creada_en"), updatedAt: try row.get("actualizada_en"), corrects: try row.get("corrige"),
            attachments: try attachments(of: id), outbox: outbox, trashedAt: try row.get("papelera_en"))
    }

    private func attachments(of id: String) throws -> [AttachmentRecord] {
        try database.query("""
            SELECT sha256, nombre, bytes, ancho, alto, formato, ubicacion_removida, ubicacion_conservada
            FROM adjuntos WHERE novedad = ? ORDER BY orden, sha256
            """, [id]).map { row in
            AttachmentRecord(sha256: try row.get(0), name: try row.get(1), bytes: try row.get(2), width: try row.get(3),
                             height: try row.get(4), format: ImageFormat(rawValue: try row.get(5)) ?? .jpeg,
                             locationRemoved: try row.get(6), keptLocation: try row.get(7))
        }
    }
}
