import Foundation

/// Applies `NovedadChanges` to a stored draft, refusing values that can never be valid (unknown
/// ids, over-long or control-character text) before writing anything.
struct NovedadEditor {
    let database: Database
    let timestamp: String

    func apply(_ changes: NovedadChanges, to id: String) throws {
        let references = try CatalogueStore(database: database).references()
        var assignments: [(column: String, value: any SQLValueConvertible)] = []
        func set(_ column: String, _ value: any SQLValueConvertible) { assignments.append((column, value)) }

        if let type = changes.type {
            let item = try check(type, .tipos, references)
            set("tipo", item?.id)
            // A new type brings its usual entity, unless the gestor chose one now.
            if changes.entity == nil, let entity = item?.entity { set("entidad", entity) }
        }
        if let entity = changes.entity { set("entidad", try check(entity, .entidades, references)?.id) }
        if let localidad = changes.localidad { set("localidad", try check(localidad, .localidades, references)?.id) }
        if let urgency = changes.urgency { set("urgencia", try check(urgency, .urgencias, references)?.id) }
        if let groups = changes.populationGroups {
            var unique: [String] = []
            for group in groups where !group.isEmpty && !unique.contains(group) {
                _ = try check(group, .poblaciones, references)
                unique.append(group)
            }
            set("poblaciones", JSONWriter.string(.strings(unique)))
        }
        if let neighborhood = changes.neighborhood { set("barrio", try text(neighborhood, field: "barrio")) }
        if let address = changes.address { set("direccion", try text(address, field: "direccion")) }
        if let description = changes.description {
            let cleaned = try text(description, field: "descripcion", limit: NovedadChanges.maximumDescription, multiline: true)
            set("descripcion", cleaned ?? "")
        }
        if changes.clearCoordinates {
            set("latitud", Double?.none)
            set("longitud", Double?.none)
        } else if let coordinates = changes.coordinates {
            guard (-90...90).contains(coordinates.latitude), (-180...180).contains(coordinates.longitude) else {
                throw NovedadError.invalidValue(field: "coordenadas", reason: "la latitud va de -90 a 90 y la longitud de -180 a 180")
            }
            set("latitud", coordinates.latitude)
            set("longitud", coordinates.longitude)
        }
        if let observedAt = changes.observedAt {
            guard let date = try? Date(observedAt, strategy: .iso8601) else {
                throw NovedadError.invalidValue(field: "observada", reason: "«\(observedAt)» no es una fecha y hora ISO 8601 en UTC")
            }
            set("observada_en", Timestamp.string(from: date))
        }
        if let route = changes.route {
            let cleaned = route.trimmingCharacters(in: .whitespaces)
            if !cleaned.isEmpty, try database.scalar("SELECT 1 FROM rutas WHERE id = ?", [cleaned], as: Int.self) == nil {
                throw NovedadError.invalidValue(field: "ruta", reason: "no hay una ruta con id «\(cleaned)» en el catálogo en uso")
            }
            set("ruta", cleaned.isEmpty ? nil : cleaned)
        }
        if let name = changes.contactName { set("contacto_nombre", try text(name, field: "contacto-nombre")) }
        if let phone = changes.contactPhone { set("contacto_telefono", try phoneNumber(phone)) }
        if let sensitive = changes.contactIncludesSensitiveData { set("contacto_sensible", sensitive) }
        if let child = changes.contactConcernsAChild { set("contacto_menor", child) }
        if let version = changes.consentTextVersion {
            if let cleaned = try text(version, field: "consentimiento", limit: 100) {
                guard let taker = try ProfileStore(database: database).load().name else {
                    throw NovedadError.invalidValue(field: "consentimiento",
                                                    reason: "quien toma el consentimiento es el gestor del perfil: complete primero «territorio perfil --nombre …»")
                }
                set("consentimiento_version", cleaned)
                set("consentimiento_por", taker)
                set("consentimiento_en", timestamp)
            } else {
                set("consentimiento_version", String?.none)
                set("consentimiento_por", String?.none)
                set("consentimiento_en", String?.none)
                // The marks describe the citizen's data: without a consent there is none, so they
                // go with it (as in the purge), unless this change sets them (then refused below).
                if changes.contactIncludesSensitiveData == nil { set("contacto_sensible", false) }
                if changes.contactConcernsAChild == nil { set("contacto_menor", false) }
            }
        }
        try write(assignments, to: id)
        if changes.contactName != nil || changes.contactPhone != nil || changes.consentTextVersion != nil
            || changes.contactIncludesSensitiveData == true || changes.contactConcernsAChild == true {
            try requireConsent(id)
        }
    }

    /// Ley 1581 de 2012: the citizen's name or phone, or a mark of sensitive or a child's data, is
    /// kept only with a consent recorded first, even in a draft. Checked after writing, inside the
    /// caller's transaction, so a refusal rolls the whole edit back. Drafts stored before this rule
    /// are left as they were until their contact data or consent is edited (`encolar` still
    /// refuses them). Taking a mark off adds no personal data, so it alone is never checked.
    private func requireConsent(_ id: String) throws {
        let withoutConsent = try database.scalar("""
            SELECT 1 FROM novedades
            WHERE id = ? AND consentimiento_version IS NULL
              AND (contacto_nombre IS NOT NULL OR contacto_telefono IS NOT NULL OR contacto_sensible = 1 OR contacto_menor = 1)
            """, [id], as: Int.self)
        if withoutConsent != nil { throw NovedadError.contactWithoutConsent }
    }

    private func write(_ assignments: [(column: String, value: any SQLValueConvertible)], to id: String) throws {
        let columns = assignments.map { "\($0.column) = ?" } + ["actualizada_en = ?"]
        try database.execute("UPDATE novedades SET \(columns.joined(separator: ", ")) WHERE id = ?",
                             assignments.map(\.value) + [timestamp, id])
    }

    /// The item for an id (already resolved by the caller), nil for an empty value (clears it).
    private func check(_ id: String, _ kind: ReferenceKind, _ references: ReferenceLists) throws -> ReferenceItem? {
        guard !id.isEmpty else { return nil }
        guard let item = references.item(kind, id: id) else {
            throw NovedadError.invalidValue(field: kind.singular, reason: "«\(id)» no está en «territorio referencias \(kind.rawValue)»")
        }
        return item
    }

    /// Trimmed text without control characters, nil when empty.
    private func text(_ value: String, field: String, limit: Int = NovedadChanges.maximumShortText,
                      multiline: Bool = false) throws -> String? {
        let cleaned = value.trimmingCharacters(in: .whitespacesAndNewlines)
        if let bad = cleaned.unicodeScalars.first(where: { scalar in
            (scalar.value < 0x20 && !(multiline && (scalar == "\n" || scalar == "\t"))) || (0x7F...0x9F).contains(scalar.value)
        }) {
            throw NovedadError.invalidValue(field: field, reason: "contiene un carácter de control (U+\(String(format: "%04X", bad.value)))")
        }
        guard cleaned.count <= limit else {
            throw NovedadError.invalidValue(field: field, reason: "puede tener a lo sumo \(limit) caracteres y tiene \(cleaned.count)")
        }
        return cleaned.isEmpty ? nil : cleaned
    }

    private func phoneNumber(_ value: String) throws -> String? {
        guard let cleaned = try text(value, field: "contacto-telefono", limit: 40) else { return nil }
        let digits = cleaned.filter(\.isNumber)
        guard digits.count >= 7, cleaned.allSatisfy({ $0.isNumber || " +-().".contains($0) }) else {
            throw NovedadError.invalidValue(field: "contacto-telefono", reason: "«\(cleaned)» no parece un teléfono (al menos 7 dígitos; se permiten espacios, +, -, paréntesis)")
        }
        return cleaned
    }
}
