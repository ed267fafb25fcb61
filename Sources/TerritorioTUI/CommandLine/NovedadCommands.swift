import Foundation
import TerritorioModel

/// `territorio novedad …`, `novedades`, `perfil` and `purgar`: drafts, photos, the queue and
/// the gestor's profile, from the command line.
struct NovedadCommands {
    let context: CommandContext

    private var command: ParsedCommand { context.command }

    private func novedades() -> NovedadStore {
        context.store.novedades(limits: AttachmentLimits.configured(environment: context.environment))
    }

    // MARK: - Commands

    func create() throws {
        let novedad = try novedades().create(try changes(), attachments: command.allValues("--adjunto"),
                                             keepLocation: command.flag("--conservar-ubicacion"), enqueue: command.flag("--encolar"))
        try printNovedad(novedad)
    }

    func edit() throws {
        let novedad = try novedades().update(command.positionals[0], try changes(), attachments: command.allValues("--adjunto"),
                                             keepLocation: command.flag("--conservar-ubicacion"), enqueue: command.flag("--encolar"))
        try printNovedad(novedad)
    }

    func show() throws {
        try printNovedad(try novedades().novedad(command.positionals[0]))
    }

    func attach() throws {
        let novedad = try novedades().attach(command.positionals[0], path: command.positionals[1],
                                             keepLocation: command.flag("--conservar-ubicacion"))
        try printNovedad(novedad)
    }

    func removeAttachment() throws {
        try printNovedad(try novedades().removeAttachment(command.positionals[0], hashPrefix: command.positionals[1]))
    }

    func enqueue() throws {
        let store = novedades()
        try printNovedad(try store.enqueue(try store.resolve(command.positionals[0])))
    }

    func dequeue() throws {
        try printNovedad(try novedades().dequeue(command.positionals[0]))
    }

    func correct() throws {
        try printNovedad(try novedades().correct(command.positionals[0]))
    }

    func delete() throws {
        let store = novedades()
        let id = try store.resolve(command.positionals[0])
        try store.delete(id)
        context.console.out("Borrador \(id.prefix(8)) llevado a la papelera: «territorio novedad restaurar \(id.prefix(8))» lo trae de vuelta.")
    }

    func restore() throws {
        try printNovedad(try novedades().restore(command.positionals[0]))
    }

    func list() throws {
        if command.flag("--papelera") { return try listTrash() }
        var state: NovedadState?
        if let name = command.value("--estado") {
            guard let parsed = NovedadState(rawValue: TextFolding.fold(name).replacingOccurrences(of: " ", with: "_")) else {
                throw UsageError(message: "«\(name)» no es un estado; use \(NovedadState.allCases.map(\.rawValue).joined(separator: ", ")).",
                                 usage: command.spec.usage)
            }
            state = parsed
        }
        let list = try novedades().list(state: state)
        if command.flag("--json") {
            context.printJSON(.array(list.map(\.json)))
            return
        }
        guard !list.isEmpty else {
            context.console.out(state.map { "No hay novedades en estado \($0.label)." } ?? "No hay novedades. Cree una con «territorio novedad crear».")
            return
        }
        let references = try context.store.catalogue.references()
        for novedad in list {
            context.console.out(NovedadText.line(novedad, references: references))
        }
    }

    /// `novedades --papelera`: the deleted drafts, with when each one went there.
    private func listTrash() throws {
        guard command.value("--estado") == nil else {
            throw UsageError(message: "--papelera solo lista borradores borrados: no se combina con --estado.", usage: command.spec.usage)
        }
        let trash = try novedades().trash()
        if command.flag("--json") {
            context.printJSON(.array(trash.map(\.json)))
            return
        }
        guard !trash.isEmpty else {
            context.console.out("La papelera está vacía.")
            return
        }
        let references = try context.store.catalogue.references()
        for novedad in trash {
            context.console.out(NovedadText.line(novedad, references: references)
                + " · en la papelera desde " + BogotaTime.display(novedad.trashedAt ?? novedad.updatedAt))
        }
    }

    func types() throws {
        let references = try context.store.catalogue.references()
        let types = references[.tipos]
        if command.flag("--json") {
            context.printJSON(.array(types.map { $0.json() }))
            return
        }
        for type in types {
            let entity = type.entity.map { references.item(.entidades, id: $0)?.acronym ?? $0 } ?? "—"
            context.console.out("  \(type.id.padding(toLength: 28, withPad: " ", startingAt: 0)) \(type.name) (\(entity))")
        }
    }

    func profile() throws {
        let profiles = ProfileStore(database: context.store.database)
        var profile = try profiles.load()
        let references = try context.store.catalogue.references()
        var changed = false
        if let name = command.value("--nombre") { profile.name = try cleaned(name, field: "--nombre"); changed = true }
        if let document = command.value("--documento") { profile.document = try cleaned(document, field: "--documento"); changed = true }
        if let entity = command.value("--entidad") {
            profile.entity = entity.isEmpty ? nil : try context.resolve(entity, .entidades, references)
            changed = true
        }
        if let server = command.value("--servidor") {
            if server.isEmpty {
                profile.server = nil
            } else {
                profile.server = try ServerAddress(server, allowInsecureHTTP: command.flag("--permitir-http")).url.absoluteString
            }
            profile.allowsInsecureHTTP = command.flag("--permitir-http")
            changed = true
        }
        if let token = command.value("--token") {
            profile.token = try cleaned(token, field: "--token")
            changed = true
        }
        if let accessible = command.value("--accesible") {
            guard let value = ["si": true, "sí": true, "no": false][TextFolding.fold(accessible)] else {
                throw UsageError(message: "--accesible lleva si o no.", usage: command.spec.usage)
            }
            profile.accessible = value
            changed = true
        }
        if changed { try profiles.save(profile) }
        let disk = DiskEncryption.of(context.store.directory)
        if let notice = disk.notice { context.console.err("Aviso: \(notice) (\(disk.detail)).") }
        if command.flag("--json") {
            context.printJSON(profile.json)
            return
        }
        context.console.out("Nombre: \(profile.name ?? "(falta)")")
        context.console.out("Entidad: \(profile.entity.map { references.item(.entidades, id: $0)?.label ?? $0 } ?? "(falta)")")
        context.console.out("Documento: \(profile.document ?? "—")")
        context.console.out("Servidor: \(profile.server ?? "(ninguno: todo funciona sin red)")")
        context.console.out("Token: \(profile.token == nil ? "(falta)" : "guardado (no se muestra)")")
        context.console.out("Modo accesible: \(profile.accessible ? "sí" : "no")")
    }

    func purge() throws {
        var days = RetentionPolicy.defaultDays
        if let text = command.value("--dias") {
            guard let value = Int(text), (0...3_650).contains(value) else {
                throw UsageError(message: "--dias debe ser un número de 0 a 3650.", usage: command.spec.usage)
            }
            days = value
        }
        let count = try novedades().purge(olderThanDays: days)
        context.console.out(count == 0
            ? "No hay novedades enviadas o rechazadas hace más de \(days) días con fotos o datos de contacto por purgar."
            : "Se purgaron \(count) novedades enviadas o rechazadas hace más de \(days) días: se conservan el radicado (o el motivo del rechazo) y el resumen.")
    }

    // MARK: - Helpers

    /// The changes the options ask for, with reference values resolved.
    private func changes() throws -> NovedadChanges {
        let references = try context.store.catalogue.references()
        var changes = NovedadChanges()
        changes.type = try reference("--tipo", .tipos, references)
        changes.entity = try reference("--entidad", .entidades, references)
        changes.localidad = try reference("--localidad", .localidades, references)
        changes.urgency = try reference("--urgencia", .urgencias, references)
        let groups = command.allValues("--poblacion")
        if !groups.isEmpty {
            changes.populationGroups = try groups.filter { !$0.isEmpty }.compactMap { try context.resolve($0, .poblaciones, references) }
        }
        changes.neighborhood = command.value("--barrio")
        changes.address = command.value("--direccion")
        changes.description = command.value("--descripcion")
        changes.route = command.value("--ruta")
        if let coordinates = command.value("--coordenadas") {
            if coordinates.isEmpty {
                changes.clearCoordinates = true
            } else {
                let parsed = try Coordinates.parse(coordinates)
                if !parsed.isInsideBogota {
                    context.console.err("Aviso: las coordenadas \(coordinates) quedan fuera de Bogotá; revise que no estén invertidas.")
                }
                changes.coordinates = parsed
            }
        }
        if let observed = command.value("--observada") { changes.observedAt = try BogotaTime.parse(observed) }
        changes.contactName = command.value("--contacto-nombre")
        changes.contactPhone = command.value("--contacto-telefono")
        changes.consentTextVersion = command.value("--consentimiento")
        changes.contactIncludesSensitiveData = try mark("--contacto-sensible")
        changes.contactConcernsAChild = try mark("--contacto-menor")
        return changes
    }

    /// A personal-data mark's change: `--contacto-menor` puts it on, `--sin-contacto-menor` (on
    /// `editar`) takes it off, neither leaves it as it is. Both at once is a usage error, raised
    /// before anything is stored.
    private func mark(_ option: String) throws -> Bool? {
        let opposite = "--sin-" + option.dropFirst(2)
        switch (command.flag(option), command.flag(opposite)) {
        case (true, true):
            throw UsageError(message: "\(option) pone la marca y \(opposite) la quita: use solo una de las dos.", usage: command.spec.usage)
        case (true, false): return true
        case (false, true): return false
        case (false, false): return nil
        }
    }

    /// An option's reference value resolved to its id; an empty value clears the field.
    private func reference(_ option: String, _ kind: ReferenceKind, _ references: ReferenceLists) throws -> String? {
        guard let input = command.value(option) else { return nil }
        if input.isEmpty { return "" }
        return try context.resolve(input, kind, references)
    }

    private func cleaned(_ value: String, field: String) throws -> String? {
        let text = value.trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.count <= 200, !text.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) else {
            throw CommandFailure(message: "Valor no válido en \(field): a lo sumo 200 caracteres, sin caracteres de control.")
        }
        return text.isEmpty ? nil : text
    }

    private func printNovedad(_ novedad: Novedad) throws {
        if command.flag("--json") {
            context.printJSON(novedad.json)
            return
        }
        context.console.out(NovedadText.detail(novedad, references: try context.store.catalogue.references()))
    }
}
