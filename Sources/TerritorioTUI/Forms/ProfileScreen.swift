import TerritorioModel

/// The gestor's profile — name, entity, document, and the sync server and token — as a form,
/// saved as the gestor types like a novedad. The token is never shown: its field starts empty
/// and what is typed there replaces it. «Accesible» (sí/no) turns accessible mode on or off at
/// once, and is the mode the interface starts in from then on. It says when the data directory's
/// disk is not encrypted.
final class ProfileScreen: Screen {
    static let fields: [FormField] = [
        FormField(id: "nombre", label: "Nombre", kind: .line(limit: NovedadChanges.maximumShortText)),
        FormField(id: "entidad", label: "Entidad", kind: .choice(.entidades)),
        FormField(id: "documento", label: "Documento", kind: .line(limit: 40)),
        FormField(id: "servidor", label: "Servidor", kind: .line(limit: NovedadChanges.maximumShortText)),
        FormField(id: "token", label: "Token", kind: .secret(limit: 500)),
        FormField(id: "accesible", label: "Accesible", kind: .line(limit: 2)),
    ]

    private let desk: NovedadDesk
    private let editor: FormEditor
    private var profile: Profile
    private var autosave = Autosave()
    private var failure: String?
    /// Read once when the screen opens: a lost laptop with an unencrypted disk gives the
    /// citizens' data away.
    private let disk: DiskEncryption

    init(desk: NovedadDesk) {
        self.desk = desk
        do {
            profile = try desk.source.profile()
        } catch {
            profile = Profile()
            failure = FailureText.describe(error)
        }
        var values = FormValues()
        let limit = NovedadChanges.maximumShortText
        values.texts = [
            "nombre": TextBuffer(text: profile.name ?? "", limit: limit, singleLine: true),
            "documento": TextBuffer(text: profile.document ?? "", limit: 40, singleLine: true),
            "servidor": TextBuffer(text: profile.server ?? "", limit: limit, singleLine: true),
            "token": TextBuffer(limit: 500, singleLine: true),
            "accesible": TextBuffer(text: profile.accessible ? "sí" : "no", limit: 2, singleLine: true),
        ]
        disk = desk.source.diskEncryption()
        if let entity = profile.entity { values.choices["entidad"] = entity }
        editor = FormEditor(fields: Self.fields, values: values, references: desk.references)
    }

    var context: KeyContext { .profile }
    var cursor: Point? { editor.cursor }

    func handle(_ action: Action) -> ScreenOutcome {
        switch action {
        case .back:
            if autosave.isPending { save() }
            return .pop
        case .save:
            return save() ? .notice("Perfil guardado.")
                : .notice(failure ?? "Perfil guardado, salvo lo que se indica bajo su campo.")
        case .enqueue, .showProfile:
            return .ignored
        default:
            break
        }
        switch editor.handle(action) {
        case .nothing, .addPhoto, .removePhoto, .externalEditor: return .ignored
        case .moved: return .handled
        case .edited:
            autosave.changed(at: desk.clock())
            return .handled
        case .choose(let field, let typed):
            let current = editor.values.choices[field.id].map { [$0] } ?? []
            return .push(PickerScreen(prompt: field.label + ": ", items: desk.references[.entidades], current: current,
                                      typed: typed) { [weak self] id in
                guard let self, let id else { return }
                editor.values.choices[field.id] = id
                autosave.changed(at: desk.clock())
            })
        }
    }

    func update() -> Bool {
        guard autosave.isDue(at: desk.clock()) else { return false }
        save()
        return true
    }

    func prepareToQuit() {
        if autosave.isPending { save() }
    }

    /// Saves every field; a server address that is not valid is shown under its field and the
    /// saved one is kept.
    @discardableResult
    private func save() -> Bool {
        autosave.saved()
        let values = editor.values
        var next = profile
        next.name = Self.nonEmpty(values.text("nombre"))
        next.document = Self.nonEmpty(values.text("documento"))
        next.entity = Self.nonEmpty(values.choice("entidad"))
        editor.problems = [:]
        if let server = Self.nonEmpty(values.text("servidor")) {
            do {
                next.server = try ServerAddress(server, allowInsecureHTTP: profile.allowsInsecureHTTP).url.absoluteString
            } catch {
                editor.problems["servidor"] = FailureText.describe(error)
            }
        } else {
            next.server = nil
        }
        if let token = Self.nonEmpty(values.text("token")) { next.token = token }
        switch TextFolding.fold(values.text("accesible")) {
        case "si": next.accessible = true
        case "no", "": next.accessible = false
        default: editor.problems["accesible"] = "Escriba sí o no."
        }
        do {
            try desk.source.save(next)
            if next.accessible != profile.accessible { desk.applyAccessible(next.accessible) }
            profile = next
            failure = nil
            return editor.problems.isEmpty
        } catch {
            failure = "No se pudo guardar el perfil: " + FailureText.describe(error)
            return false
        }
    }

    func layout(in area: Rect, plain: Bool) {
        var title = StyledLine("Perfil del gestor", style: .title)
        if let failure {
            title.append(" · " + failure, style: .error)
        } else if autosave.isPending {
            title.append(" · sin guardar", style: .muted)
        }
        var notes = disk.notice.map { ["\($0.prefix(1).uppercased())\($0.dropFirst()) (\(disk.detail))."] } ?? []
        if profile.token != nil { notes.append("Hay un token guardado; no se muestra. Escriba uno nuevo para reemplazarlo.") }
        editor.generalProblems = notes
        editor.layout(in: area, title: title)
    }

    func render(into canvas: any Canvas, in area: Rect) {
        editor.render(into: canvas)
    }

    private static func nonEmpty(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? nil : trimmed
    }
}
