import Foundation
import TerritorioModel

/// Writing a novedad: its fields in a `FormEditor`, saved by themselves as the gestor types
/// (`Autosave`), Ctrl-S to save now, Ctrl-Q to queue — checked first, with every problem shown
/// next to its field — and Esc to leave with everything saved. A new form becomes a draft with
/// the first thing typed. The citizen's name and phone, and the marks of sensitive data (art. 5)
/// and of a child's data (art. 7), are taken only once the version of the consent text read to
/// them is in «Autorización» (Ley 1581 de 2012).
final class NovedadFormScreen: Screen {
    static let fields: [FormField] = [
        FormField(id: "tipo", label: "Tipo", kind: .choice(.tipos)),
        FormField(id: "entidad", label: "Entidad", kind: .choice(.entidades)),
        FormField(id: "localidad", label: "Localidad", kind: .choice(.localidades)),
        FormField(id: "barrio", label: "Barrio", kind: .line(limit: NovedadChanges.maximumShortText)),
        FormField(id: "direccion", label: "Dirección", kind: .line(limit: NovedadChanges.maximumShortText)),
        FormField(id: "urgencia", label: "Urgencia", kind: .choice(.urgencias)),
        FormField(id: "poblacion", label: "Población", kind: .choices(.poblaciones)),
        FormField(id: "descripcion", label: "Descripción", kind: .text(limit: NovedadChanges.maximumDescription)),
        FormField(id: "fotos", label: "Fotos", kind: .photos),
        FormField(id: "consentimiento", label: "Autorización", kind: .line(limit: consentLimit)),
        FormField(id: "contacto-nombre", label: "Ciudadano", kind: .line(limit: NovedadChanges.maximumShortText)),
        FormField(id: "contacto-telefono", label: "Teléfono", kind: .line(limit: phoneLimit)),
        FormField(id: "contacto-sensible", label: "Datos sensibles", kind: .mark),
        FormField(id: "contacto-menor", label: "Datos de menor", kind: .mark),
    ]
    private static let consentLimit = 100
    private static let phoneLimit = 40
    /// The fields that hold the citizen's data, and the one that must come first.
    private static let contactFields: Set<String> = ["consentimiento", "contacto-nombre", "contacto-telefono",
                                                     "contacto-sensible", "contacto-menor"]
    static let consentFirst = "Primero la autorización: la versión del texto leído al ciudadano (Ley 1581)."

    private let desk: NovedadDesk
    private let editor: FormEditor
    /// The draft's id once it exists.
    private(set) var draftID: String?
    /// The route a new draft is about.
    private let route: String?
    /// The gestor chose the entity: a new type no longer brings its own.
    private var entityChosen: Bool
    private var autosave = Autosave()
    private var saved = false
    private var saveFailure: String?
    /// Problems are shown once the gestor tried to queue, and kept current from then on.
    private var checking = false
    /// Esc was pressed once while the last save had failed.
    private var leaveConfirmed = false
    /// The photo removed last and where it was: Ctrl-Z puts it back.
    private var removedPhoto: (photo: AttachmentRecord, index: Int)?
    /// The citizen's data as last saved: only what differs is sent, so the consent keeps its
    /// time, and a draft from before consent came first stays editable in its other fields.
    private var storedContact: [String: String]
    /// The marks as last saved, sent only when they differ, for the same reasons.
    private var storedMarks: [String: Bool]

    /// A form over `novedad` (a draft), or a new one starting with `changes` (a route's type and entity).
    init(desk: NovedadDesk, novedad: Novedad? = nil, startingWith changes: NovedadChanges = NovedadChanges()) {
        self.desk = desk
        var values = FormValues()
        values.texts = [
            "barrio": TextBuffer(text: novedad?.neighborhood ?? "", limit: NovedadChanges.maximumShortText, singleLine: true),
            "direccion": TextBuffer(text: novedad?.address ?? "", limit: NovedadChanges.maximumShortText, singleLine: true),
            "descripcion": TextBuffer(text: novedad?.description ?? "", limit: NovedadChanges.maximumDescription),
        ]
        storedContact = Self.contactTexts(novedad?.contact)
        storedMarks = Self.contactMarks(novedad?.contact)
        values.marks = storedMarks
        for (id, limit) in [("consentimiento", Self.consentLimit), ("contacto-nombre", NovedadChanges.maximumShortText),
                            ("contacto-telefono", Self.phoneLimit)] {
            values.texts[id] = TextBuffer(text: storedContact[id] ?? "", limit: limit, singleLine: true)
        }
        let choices = [("tipo", novedad?.type ?? changes.type), ("entidad", novedad?.entity ?? changes.entity),
                       ("localidad", novedad?.localidad ?? changes.localidad), ("urgencia", novedad?.urgency ?? changes.urgency)]
        for (id, value) in choices where value?.isEmpty == false { values.choices[id] = value }
        values.multipleChoices["poblacion"] = novedad?.populationGroups ?? changes.populationGroups ?? []
        editor = FormEditor(fields: Self.fields, values: values, references: desk.references)
        editor.photos = novedad?.attachments ?? []
        draftID = novedad?.id
        route = novedad?.route ?? changes.route
        let typeEntity = values.choices["tipo"].flatMap { desk.references.item(.tipos, id: $0)?.entity }
        entityChosen = values.choices["entidad"] != nil && values.choices["entidad"] != typeEntity
        saved = novedad != nil
    }

    var context: KeyContext { .form }

    var offers: Set<Action> {
        var offered: Set<Action> = removedPhoto == nil ? [] : [.undo]
        if editor.focusedField.kind == .mark { offered.insert(.toggleMark) }
        return offered
    }

    var cursor: Point? { editor.cursor }

    // MARK: - Keys

    func handle(_ action: Action) -> ScreenOutcome {
        if action != .back { leaveConfirmed = false }
        switch action {
        case .back: return leave()
        case .save:
            return save() ? .notice("Guardado.") : .notice("No se pudo guardar: " + (saveFailure ?? ""))
        case .enqueue: return enqueue()
        case .showProfile: return .push(ProfileScreen(desk: desk))
        case .undo: return restorePhoto()
        default: break
        }
        let before = editor.values
        switch editor.handle(action) {
        case .nothing: return .ignored
        case .moved: return .handled
        case .edited:
            if Self.contactFields.contains(editor.focusedField.id), !hasConsentFirst {
                editor.values = before
                return .notice(Self.consentFirst)
            }
            changed()
            return .handled
        case .choose(let field, let typed): return .push(picker(for: field, typed: typed))
        case .addPhoto: return addPhoto()
        case .removePhoto(let index): return removePhoto(index)
        case .externalEditor(let field): return editExternally(field)
        }
    }

    /// Saves what is pending before the interface ends (q, Ctrl-C, SIGTERM).
    func prepareToQuit() {
        if autosave.isPending { _ = save() }
    }

    func update() -> Bool {
        guard autosave.isDue(at: desk.clock()) else { return false }
        _ = save()
        return true
    }

    private func changed() {
        autosave.changed(at: desk.clock())
    }

    // MARK: - Saving

    /// No name, phone or mark of the citizen on screen without the consent's version before them.
    private var hasConsentFirst: Bool {
        let values = editor.values
        let blank = { (id: String) in values.text(id).trimmingCharacters(in: .whitespaces).isEmpty }
        let nothingOfTheCitizen = blank("contacto-nombre") && blank("contacto-telefono")
            && !values.mark("contacto-sensible") && !values.mark("contacto-menor")
        return !blank("consentimiento") || nothingOfTheCitizen
    }

    private static func contactTexts(_ contact: CitizenContact?) -> [String: String] {
        ["consentimiento": contact?.consent?.textVersion ?? "", "contacto-nombre": contact?.name ?? "",
         "contacto-telefono": contact?.phone ?? ""]
    }

    private static func contactMarks(_ contact: CitizenContact?) -> [String: Bool] {
        ["contacto-sensible": contact?.includesSensitiveData ?? false, "contacto-menor": contact?.concernsAChild ?? false]
    }

    private var changes: NovedadChanges {
        let values = editor.values
        var changes = NovedadChanges()
        changes.type = values.choice("tipo")
        changes.entity = values.choice("entidad")
        changes.localidad = values.choice("localidad")
        changes.urgency = values.choice("urgencia")
        changes.populationGroups = values.multipleChoices["poblacion"] ?? []
        changes.neighborhood = values.text("barrio")
        changes.address = values.text("direccion")
        changes.description = values.text("descripcion")
        if draftID == nil { changes.route = route ?? "" }
        func differing(_ id: String) -> String? {
            let text = values.text(id).trimmingCharacters(in: .whitespaces)
            return text == storedContact[id] ? nil : text
        }
        changes.consentTextVersion = differing("consentimiento")
        changes.contactName = differing("contacto-nombre")
        changes.contactPhone = differing("contacto-telefono")
        func differingMark(_ id: String) -> Bool? {
            values.mark(id) == storedMarks[id] ? nil : values.mark(id)
        }
        changes.contactIncludesSensitiveData = differingMark("contacto-sensible")
        changes.contactConcernsAChild = differingMark("contacto-menor")
        return changes
    }

    /// Writes the form to the draft (creating it the first time). False, with `saveFailure`
    /// set, when the store refused; the text stays on screen either way.
    @discardableResult
    private func save() -> Bool {
        autosave.saved()
        do {
            let novedad = try draftID.map { try desk.source.update($0, changes) } ?? desk.source.create(changes)
            draftID = novedad.id
            editor.photos = novedad.attachments
            storedContact = Self.contactTexts(novedad.contact)
            storedMarks = Self.contactMarks(novedad.contact)
            saved = true
            saveFailure = nil
            if checking { try showProblems() }
            return true
        } catch NovedadError.contactWithoutConsent {
            saveFailure = Self.consentFirst
            return false
        } catch {
            saveFailure = FailureText.describe(error)
            return false
        }
    }

    /// Reads the draft's problems again and puts each next to its field; the first one's field
    /// gets the focus when `focusing`.
    private func showProblems(focusing: Bool = false) throws {
        guard let draftID else { return }
        let problems = try desk.source.problems(of: draftID)
        var byField: [String: String] = [:]
        var general: [String] = []
        for problem in problems {
            if Self.fields.contains(where: { $0.id == problem.field }) {
                byField[problem.field] = byField[problem.field].map { $0 + "; " + problem.message } ?? problem.message
            } else if problem.field == "perfil" {
                general.append("Falta el perfil del gestor (nombre y entidad): F2 para completarlo.")
            } else {
                general.append(problem.message)
            }
        }
        editor.problems = byField
        editor.generalProblems = general
        if focusing, let first = Self.fields.first(where: { byField[$0.id] != nil }) { editor.focus(on: first.id) }
    }

    private func enqueue() -> ScreenOutcome {
        guard save(), let draftID else { return .notice("No se pudo guardar: " + (saveFailure ?? "")) }
        checking = true
        do {
            try showProblems(focusing: true)
            guard editor.problems.isEmpty, editor.generalProblems.isEmpty else {
                return .notice("Aún no se puede encolar: complete lo marcado con ⚠ y pulse Ctrl-Q otra vez.")
            }
            let queued = try desk.source.enqueue(draftID)
            return .popWithNotice("Novedad \(queued.id.prefix(8)) en cola: se enviará al sincronizar.")
        } catch {
            return .notice("No se pudo encolar: " + FailureText.describe(error))
        }
    }

    private func leave() -> ScreenOutcome {
        if autosave.isPending { save() }
        guard saveFailure == nil || leaveConfirmed else {
            leaveConfirmed = true
            return .notice("No se pudo guardar (\(saveFailure ?? "")). Esc otra vez para salir sin guardar lo último.")
        }
        return .pop
    }

    // MARK: - Pick-lists, photos, the external editor

    private func picker(for field: FormField, typed: String) -> PickerScreen {
        switch field.kind {
        case .choices(let kind):
            return PickerScreen(prompt: field.label + " (Enter marca, Esc termina): ", items: desk.references[kind],
                                current: editor.values.multipleChoices[field.id] ?? [], typed: typed, multiple: true) { [weak self] id in
                guard let self, let id else { return }
                var chosen = editor.values.multipleChoices[field.id] ?? []
                if let index = chosen.firstIndex(of: id) { chosen.remove(at: index) } else { chosen.append(id) }
                editor.values.multipleChoices[field.id] = chosen
                save()
            }
        case .choice(let kind):
            let current = editor.values.choices[field.id].map { [$0] } ?? []
            return PickerScreen(prompt: field.label + ": ", items: desk.references[kind], current: current, typed: typed) { [weak self] id in
                guard let self, let id else { return }
                choose(id, for: field)
            }
        default:
            preconditionFailure("only choice fields have a pick-list")
        }
    }

    private func choose(_ id: String, for field: FormField) {
        editor.values.choices[field.id] = id
        if field.id == "entidad" { entityChosen = true }
        if field.id == "tipo", !entityChosen, let entity = desk.references.item(.tipos, id: id)?.entity {
            editor.values.choices["entidad"] = entity
        }
        // A choice is one deliberate act: saved at once, and its problem goes away at once.
        save()
    }

    private func addPhoto() -> ScreenOutcome {
        guard save(), let draftID else { return .notice("No se pudo guardar: " + (saveFailure ?? "")) }
        return .push(AttachmentPickerScreen(folder: desk.photoFolder, environment: desk.environment) { [weak self] path in
            guard let self else { return nil }
            do {
                let novedad = try desk.source.attach(draftID, path: path)
                editor.photos = novedad.attachments
                desk.photoFolder = (path as NSString).deletingLastPathComponent
                return nil
            } catch {
                return FailureText.describe(error)
            }
        })
    }

    private func removePhoto(_ index: Int) -> ScreenOutcome {
        guard let draftID, editor.photos.indices.contains(index) else { return .ignored }
        let photo = editor.photos[index]
        do {
            editor.photos = try desk.source.removeAttachment(draftID, sha256: photo.sha256).attachments
            removedPhoto = (photo, index)
            return .notice("Se quitó la foto «\(photo.name)». Ctrl-Z la vuelve a poner.")
        } catch {
            return .notice("No se pudo quitar la foto: " + FailureText.describe(error))
        }
    }

    /// Ctrl-Z: the photo removed last goes back to its place.
    private func restorePhoto() -> ScreenOutcome {
        guard let draftID, let removed = removedPhoto else { return .notice("No hay una foto quitada que volver a poner.") }
        do {
            editor.photos = try desk.source.restoreAttachment(draftID, removed.photo, order: removed.index).attachments
            removedPhoto = nil
            return .notice("La foto «\(removed.photo.name)» volvió a la novedad.")
        } catch {
            return .notice("No se pudo volver a poner la foto: " + FailureText.describe(error))
        }
    }

    /// Hands the description to `$VISUAL` or `$EDITOR` (vi when neither is set) in a private
    /// file, locked while the editor has it, and takes back what the gestor saved there.
    private func editExternally(_ field: FormField) -> ScreenOutcome {
        if autosave.isPending { save() }
        let file: ScratchFile
        do {
            file = try ScratchFolder(path: desk.scratchFolder.path)
                .create(named: "descripcion-\(draftID ?? UUID().uuidString.lowercased()).txt", text: editor.values.text(field.id))
        } catch {
            return .notice("No se pudo preparar el archivo para el editor: " + FailureText.describe(error))
        }
        let command = "${VISUAL:-${EDITOR:-vi}} \"$1\""
        let program = ExternalProgram(arguments: ["sh", "-c", command, "sh", file.path], environment: desk.environment,
                                      waitsForEnter: false) { [weak self] status in
            defer { file.remove() }
            guard let self else { return .handled }
            guard status == 0, let text = file.text() else {
                let reason = status == 127 ? "no se encontró el editor; defina EDITOR (por ejemplo EDITOR=nano)"
                    : "el editor terminó con un error"
                return .notice("La descripción no cambió: \(reason).")
            }
            // Editors end files with a line break; the description does not need it.
            let edited = text.hasSuffix("\n") ? String(text.dropLast()) : text
            guard edited != editor.values.text(field.id) else { return .handled }
            editor.values.texts[field.id]?.replaceAll(with: edited)
            changed()
            save()
            return .notice("Descripción tomada del editor.")
        }
        return .runProgram(program)
    }

    // MARK: - Drawing

    func layout(in area: Rect, plain: Bool) {
        editor.layout(in: area, title: title)
    }

    func render(into canvas: any Canvas, in area: Rect) {
        editor.render(into: canvas)
    }

    private var title: StyledLine {
        var line = StyledLine(draftID.map { "Borrador \($0.prefix(8))" } ?? "Nueva novedad", style: .title)
        if let saveFailure {
            line.append(" · no se pudo guardar: " + saveFailure, style: .error)
        } else if autosave.isPending {
            line.append(" · sin guardar", style: .muted)
        } else if saved {
            line.append(" · guardado", style: .muted)
        }
        return line
    }
}
