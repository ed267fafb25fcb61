/// One binding of the interface: which keys do what, on which screens, how help explains it and
/// how the footer names it. `ActionSpec.all` is the only place keys are defined: the keymap, the
/// footer of every screen and the help screen are all generated from it (tig's `REQ_INFO`,
/// newsboat's `opdescs`).
struct ActionSpec: Sendable {
    /// What the keys do; nil for "printable keys are typed as text" in text-entry contexts.
    let action: Action?
    let keys: [Key]
    /// How help writes the keys when they are not a list of named keys.
    let keyLabel: String?
    let help: String
    let contexts: [KeyContext]
    /// The footer's short name for the action; nil keeps it out of the footer.
    let hint: String?
    /// The footer's label for the keys (`↑↓`), when not the first key's.
    let hintKeys: String?
    /// The hint is in the footer only while the screen offers the action (`Screen.offers`), and
    /// then first: "u deshacer" right after a deletion.
    let offeredOnly: Bool

    init(_ action: Action?, _ keys: [Key], keyLabel: String? = nil, _ help: String, _ contexts: [KeyContext],
         hint: String? = nil, hintKeys: String? = nil, offeredOnly: Bool = false) {
        self.action = action
        self.keys = keys
        self.keyLabel = keyLabel
        self.help = help
        self.contexts = contexts
        self.hint = hint
        self.hintKeys = hintKeys
        self.offeredOnly = offeredOnly
    }

    /// The keys as help lists them: `↓ j`.
    var keysText: String {
        keyLabel ?? keys.map(\.label).joined(separator: " ")
    }

    /// The footer hints of `context`, in table order — those the screen `offered` now first:
    /// (`Enter`, `abrir`). Help, quit and offered ones are `essential`: a narrow footer drops
    /// other hints first.
    static func hints(for context: KeyContext, offered: Set<Action> = []) -> [(keys: String, name: String, essential: Bool)] {
        let specs = all.filter { spec in
            guard spec.hint != nil, spec.contexts.contains(context) else { return false }
            return !spec.offeredOnly || spec.action.map(offered.contains) == true
        }
        let ordered = specs.filter(\.offeredOnly) + specs.filter { !$0.offeredOnly }
        return ordered.map { spec in
            let essential = spec.offeredOnly || spec.action == .help || spec.action == .quit
            return (spec.hintKeys ?? spec.keys.first?.label ?? spec.keysText, spec.hint ?? "", essential)
        }
    }

    /// Contexts where `q` and `?` are keys, not text.
    private static let browsing: [KeyContext] = [.list, .detail, .citizen, .novedades, .novedad, .help]

    static let all: [ActionSpec] = [
        // MARK: - The catalogue list
        ActionSpec(.search, [.character("/")], "Buscar: escribir para filtrar las rutas", [.list], hint: "buscar"),
        ActionSpec(.open, [.enter], "Abrir la ruta elegida", [.list], hint: "abrir"),
        ActionSpec(.moveUp, [.up, .character("k")], "Ruta anterior", [.list]),
        ActionSpec(.moveDown, [.down, .character("j")], "Ruta siguiente", [.list]),
        ActionSpec(.pageUp, [.pageUp], "Página anterior", [.list]),
        ActionSpec(.pageDown, [.pageDown], "Página siguiente", [.list]),
        ActionSpec(.first, [.home, .character("g")], "Primera ruta", [.list]),
        ActionSpec(.last, [.end, .character("G")], "Última ruta", [.list]),
        ActionSpec(.filterTheme, [.character("t")], "Filtrar por tema", [.list], hint: "filtros", hintKeys: "t e l"),
        ActionSpec(.filterEntity, [.character("e")], "Filtrar por entidad", [.list]),
        ActionSpec(.filterLocalidad, [.character("l")], "Filtrar por localidad", [.list]),
        ActionSpec(.clearFilters, [.character("x")], "Quitar los filtros de tema, entidad y localidad", [.list]),
        ActionSpec(.back, [.escape], "Borrar la búsqueda", [.list]),
        ActionSpec(.showNovedades, [.character("n")], "Ver las novedades", [.list], hint: "novedades"),
        ActionSpec(.showProfile, [.character("p")], "El perfil del gestor: nombre, entidad, documento, servidor y token",
                   [.list], hint: "perfil"),

        // MARK: - Typing a search
        ActionSpec(nil, [], keyLabel: "letras y signos", "Escribir la búsqueda (q, j, k, ? y / también son texto)",
                   [.search]),
        ActionSpec(.open, [.enter], "Abrir la ruta elegida", [.search], hint: "abrir"),
        ActionSpec(.moveUp, [.up], "Ruta anterior", [.search], hint: "mover", hintKeys: "↑↓"),
        ActionSpec(.moveDown, [.down], "Ruta siguiente", [.search]),
        ActionSpec(.pageUp, [.pageUp], "Página anterior", [.search]),
        ActionSpec(.pageDown, [.pageDown], "Página siguiente", [.search]),
        ActionSpec(.back, [.escape], "Dejar de escribir (la búsqueda se conserva; otro Esc la borra)", [.search],
                   hint: "terminar"),
        ActionSpec(.deleteBackward, [.backspace], "Borrar la letra anterior", [.search, .picker]),
        ActionSpec(.deleteWord, [.control("w")], "Borrar la palabra anterior", [.search, .picker]),
        ActionSpec(.clearField, [.control("u")], "Borrar todo lo escrito", [.search, .picker]),

        // MARK: - A route
        ActionSpec(.back, [.escape, .left], "Volver a la lista", [.detail], hint: "volver"),
        ActionSpec(.showToCitizen, [.character("m")], "Mostrar al ciudadano la línea principal y la dirección, en letra grande",
                   [.detail], hint: "mostrar al ciudadano"),
        ActionSpec(.reportNovedad, [.character("r")], "Reportar una novedad sobre esta ruta (tipo y entidad ya puestos)",
                   [.detail], hint: "reportar novedad"),
        ActionSpec(.moveUp, [.up, .character("k")], "Subir una línea", [.detail, .novedad, .help], hint: "desplazar", hintKeys: "↑↓"),
        ActionSpec(.moveDown, [.down, .character("j")], "Bajar una línea", [.detail, .novedad, .help]),
        ActionSpec(.pageUp, [.pageUp], "Subir una página", [.detail, .novedad, .help]),
        ActionSpec(.pageDown, [.pageDown, .character(" ")], "Bajar una página", [.detail, .novedad, .help]),
        ActionSpec(.first, [.home, .character("g")], "Ir al principio", [.detail, .novedad, .help]),
        ActionSpec(.last, [.end, .character("G")], "Ir al final", [.detail, .novedad, .help]),

        // MARK: - Showing the citizen
        ActionSpec(.back, [.escape, .enter, .character("m")], "Volver a la ruta", [.citizen], hint: "volver"),

        // MARK: - Choosing a filter
        ActionSpec(nil, [], keyLabel: "letras y signos", "Escribir para acortar la lista", [.picker]),
        ActionSpec(.open, [.enter], "Elegir el valor marcado", [.picker], hint: "elegir"),
        ActionSpec(.moveUp, [.up], "Valor anterior", [.picker], hint: "mover", hintKeys: "↑↓"),
        ActionSpec(.moveDown, [.down], "Valor siguiente", [.picker]),
        ActionSpec(.pageUp, [.pageUp], "Página anterior", [.picker]),
        ActionSpec(.pageDown, [.pageDown], "Página siguiente", [.picker]),
        ActionSpec(.back, [.escape], "Cancelar sin cambiar el filtro", [.picker], hint: "cancelar"),

        // MARK: - Novedades
        ActionSpec(.nextTab, [.tab, .right], "Pestaña siguiente", [.novedades], hint: "pestaña", hintKeys: "Tab"),
        ActionSpec(.previousTab, [.backTab, .left], "Pestaña anterior", [.novedades]),
        ActionSpec(.open, [.enter], "Abrir la novedad elegida (un borrador se abre para escribir)", [.novedades], hint: "abrir"),
        ActionSpec(.back, [.escape], "Volver a la lista de rutas", [.novedades], hint: "volver"),
        ActionSpec(.newNovedad, [.character("n")], "Nueva novedad", [.novedades], hint: "nueva"),
        ActionSpec(.enqueue, [.character("e")], "Encolar el borrador elegido para enviarlo", [.novedades], hint: "encolar"),
        ActionSpec(.dequeue, [.character("d")], "Devolver a borrador una novedad en cola que aún no se intentó enviar",
                   [.novedades], hint: "desencolar"),
        ActionSpec(.correct, [.character("c")], "Corregir una novedad rechazada: un borrador nuevo con sus datos",
                   [.novedades], hint: "corregir"),
        ActionSpec(.deleteNovedad, [.character("b"), .delete], "Borrar el borrador elegido (pide confirmación)", [.novedades],
                   hint: "borrar"),
        ActionSpec(.undo, [.character("u")], "Deshacer: traer de vuelta el último borrador borrado (queda 30 días en la papelera)",
                   [.novedades], hint: "deshacer", offeredOnly: true),
        ActionSpec(.showProfile, [.character("p")], "El perfil del gestor", [.novedades]),
        ActionSpec(.syncNow, [.character("s")], "Sincronizar ahora (sin esperar los reintentos)", [.list, .novedades],
                   hint: "sincronizar"),
        ActionSpec(.moveUp, [.up, .character("k")], "Novedad anterior", [.novedades]),
        ActionSpec(.moveDown, [.down, .character("j")], "Novedad siguiente", [.novedades]),
        ActionSpec(.pageUp, [.pageUp], "Página anterior", [.novedades]),
        ActionSpec(.pageDown, [.pageDown], "Página siguiente", [.novedades]),
        ActionSpec(.first, [.home, .character("g")], "Primera novedad", [.novedades]),
        ActionSpec(.last, [.end, .character("G")], "Última novedad", [.novedades]),

        // MARK: - Writing a novedad or the profile (Ctrl-Q, Ctrl-E, F2 and marks only in a novedad)
        ActionSpec(nil, [], keyLabel: "letras y signos", "Escribir en el campo (q, j, k y ? también son texto); en una lista, "
                   + "escribir parte del nombre para elegir", [.form, .profile]),
        ActionSpec(.nextField, [.tab], "Campo siguiente", [.form, .profile], hint: "campo", hintKeys: "Tab"),
        ActionSpec(.previousField, [.backTab], "Campo anterior", [.form, .profile]),
        ActionSpec(.open, [.enter], "Abrir la lista del campo o adjuntar una foto; en una marca, ponerla o quitarla; "
                   + "en la descripción, nueva línea", [.form, .profile]),
        ActionSpec(.toggleMark, [.character(" ")], keyLabel: "Espacio Enter",
                   "Poner o quitar la marca (datos sensibles, datos de menor)", [.form], hint: "marcar", offeredOnly: true),
        ActionSpec(.save, [.control("s")], "Guardar ahora (también se guarda solo al escribir)", [.form, .profile], hint: "guardar"),
        ActionSpec(.enqueue, [.control("q")], "Encolar para enviar (se revisa antes)", [.form], hint: "encolar"),
        ActionSpec(.externalEditor, [.control("e")], "Escribir la descripción en el editor del sistema ($EDITOR)", [.form],
                   hint: "editor"),
        ActionSpec(.back, [.escape], "Volver (lo escrito queda guardado)", [.form, .profile], hint: "volver"),
        ActionSpec(.showProfile, [.function(2)], "El perfil del gestor (autor de la novedad)", [.form]),
        ActionSpec(.undo, [.control("z")], "Deshacer: volver a poner la última foto quitada", [.form], hint: "deshacer",
                   offeredOnly: true),
        ActionSpec(.moveUp, [.up], "Línea o campo anterior", [.form, .profile]),
        ActionSpec(.moveDown, [.down], "Línea o campo siguiente", [.form, .profile]),
        ActionSpec(.cursorLeft, [.left], "Letra anterior", [.form, .profile]),
        ActionSpec(.cursorRight, [.right], "Letra siguiente", [.form, .profile]),
        ActionSpec(.wordLeft, [.wordLeft], "Palabra anterior", [.form, .profile]),
        ActionSpec(.wordRight, [.wordRight], "Palabra siguiente", [.form, .profile]),
        ActionSpec(.first, [.home], "Principio de la línea", [.form, .profile]),
        ActionSpec(.last, [.end], "Fin de la línea", [.form, .profile]),
        ActionSpec(.pageUp, [.pageUp], "Subir una página en la descripción", [.form, .profile]),
        ActionSpec(.pageDown, [.pageDown], "Bajar una página en la descripción", [.form, .profile]),
        ActionSpec(.deleteBackward, [.backspace], "Borrar la letra anterior", [.form, .profile]),
        ActionSpec(.deleteForward, [.delete], "Borrar la letra siguiente; en una lista, quitar el valor; en las fotos, quitar la foto",
                   [.form, .profile]),
        ActionSpec(.deleteWord, [.control("w")], "Borrar la palabra anterior", [.form, .profile]),
        ActionSpec(.clearField, [.control("u")], "Borrar la línea hasta el cursor", [.form, .profile]),

        // MARK: - Choosing a photo
        ActionSpec(nil, [], keyLabel: "letras y signos", "Escribir la ruta o el comienzo de un nombre (q y ? también son texto)",
                   [.files]),
        ActionSpec(.open, [.enter], "Entrar en la carpeta o adjuntar la foto (la escrita o la marcada)", [.files], hint: "elegir"),
        ActionSpec(.complete, [.tab], "Completar el nombre escrito", [.files], hint: "completar"),
        ActionSpec(.moveUp, [.up], "Fila anterior", [.files]),
        ActionSpec(.moveDown, [.down], "Fila siguiente", [.files]),
        ActionSpec(.pageUp, [.pageUp], "Página anterior", [.files]),
        ActionSpec(.pageDown, [.pageDown], "Página siguiente", [.files]),
        ActionSpec(.deleteBackward, [.backspace], "Borrar la letra anterior", [.files]),
        ActionSpec(.deleteWord, [.control("w")], "Borrar la última parte de la ruta", [.files]),
        ActionSpec(.clearField, [.control("u")], "Borrar toda la ruta", [.files]),
        ActionSpec(.preview, [.function(4), .control("v")], "Ver la foto marcada en la terminal (con chafa)", [.files],
                   hint: "ver"),
        ActionSpec(.toggleHidden, [.control("o")], "Mostrar u ocultar los archivos ocultos (los que empiezan por «.»)",
                   [.files], hint: "ocultos"),
        ActionSpec(.back, [.escape], "Cancelar sin adjuntar", [.files], hint: "cancelar"),

        // MARK: - A novedad
        ActionSpec(.back, [.escape, .left], "Volver a las novedades", [.novedad], hint: "volver"),

        // MARK: - Help
        ActionSpec(.back, [.escape, .character("?"), .function(1)], "Cerrar la ayuda", [.help], hint: "volver"),

        // MARK: - The command palette
        ActionSpec(nil, [], keyLabel: "letras y signos", "Escribir parte del nombre de una acción (sin importar tildes)", [.palette]),
        ActionSpec(.open, [.enter], "Ejecutar la acción marcada", [.palette], hint: "ejecutar"),
        ActionSpec(.moveUp, [.up], "Acción anterior", [.palette], hint: "mover", hintKeys: "↑↓"),
        ActionSpec(.moveDown, [.down], "Acción siguiente", [.palette]),
        ActionSpec(.pageUp, [.pageUp], "Página anterior", [.palette]),
        ActionSpec(.pageDown, [.pageDown], "Página siguiente", [.palette]),
        ActionSpec(.deleteBackward, [.backspace], "Borrar la letra anterior", [.palette]),
        ActionSpec(.deleteWord, [.control("w")], "Borrar la palabra anterior", [.palette]),
        ActionSpec(.clearField, [.control("u")], "Borrar todo lo escrito", [.palette]),
        ActionSpec(.back, [.escape], "Cerrar sin hacer nada", [.palette], hint: "cerrar"),

        // MARK: - Everywhere
        ActionSpec(.palette, [.character(":"), .control("p")], "Todas las acciones de esta pantalla, para elegir por su nombre",
                   [.list, .detail, .novedades, .help], hint: "acciones", hintKeys: ":"),
        ActionSpec(.palette, [.control("p")], "Todas las acciones de esta pantalla, para elegir por su nombre",
                   [.search, .citizen, .picker, .novedad, .form, .profile, .files], hint: "acciones"),
        ActionSpec(.help, [.character("?"), .function(1)], "Esta ayuda, con todas las teclas",
                   [.list, .detail, .citizen, .novedades, .novedad], hint: "ayuda"),
        ActionSpec(.help, [.function(1)], "Esta ayuda, con todas las teclas", [.search, .picker, .form, .profile, .files, .palette],
                   hint: "ayuda"),
        ActionSpec(.quit, [.character("q"), .control("c")], "Salir (nada se pierde)", browsing + [.tooSmall], hint: "salir"),
        ActionSpec(.quit, [.control("c")], "Salir (nada se pierde)", [.search, .picker, .form, .profile, .files, .palette]),
        ActionSpec(.redraw, [.control("l")], "Redibujar la pantalla", KeyContext.allCases),
    ]
}
