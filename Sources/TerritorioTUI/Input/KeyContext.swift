/// Which keymap applies: one per kind of screen, as in tig's named keymaps. Contexts where the
/// gestor is typing take every printable key as text (docs/diseno.md, "Focus and keys").
enum KeyContext: String, CaseIterable, Hashable, Sendable {
    /// The catalogue list with the list focused.
    case list
    /// The catalogue list while typing in the search box.
    case search
    /// A route's detail.
    case detail
    /// The large-print "mostrar al ciudadano" view.
    case citizen
    /// Choosing a theme, entity or localidad, typing to narrow the list.
    case picker
    /// The Novedades screen: tabs by state, a list in each.
    case novedades
    /// One novedad, read-only.
    case novedad
    /// Editing a novedad: printable keys are text in every field.
    case form
    /// Editing the gestor's profile: a form without queueing or photos.
    case profile
    /// Choosing a photo to attach: a path entry over a folder's listing.
    case files
    case help
    /// The command palette: typing narrows the list of actions.
    case palette
    /// "Ventana demasiado pequeña".
    case tooSmall

    /// Printable keys are text here: `q` does not quit, `?` does not open help.
    var isTextEntry: Bool {
        self == .search || self == .picker || self == .form || self == .profile || self == .files || self == .palette
    }

    /// The heading of this context's section in the help screen.
    var helpTitle: String {
        switch self {
        case .list: "En la lista de rutas"
        case .search: "Al buscar (escribiendo)"
        case .detail: "En una ruta"
        case .citizen: "Mostrar al ciudadano"
        case .picker: "Al elegir un filtro"
        case .novedades: "En las novedades"
        case .novedad: "En una novedad"
        case .form: "Al escribir una novedad"
        case .profile: "En el perfil"
        case .files: "Al elegir una foto"
        case .help: "En la ayuda"
        case .palette: "En la lista de acciones (: o Ctrl-P)"
        case .tooSmall: "Con la ventana demasiado pequeña"
        }
    }
}
