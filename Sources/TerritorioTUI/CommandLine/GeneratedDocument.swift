/// A file generated from the command tables for the packages (`scripts/paquetes`):
/// `territorio --generar-documento man|completado-bash`. Not listed in the help: it is for
/// building, not for gestores.
enum GeneratedDocument: String, CaseIterable, Equatable {
    case man
    case bashCompletion = "completado-bash"

    static let option = "--generar-documento"

    var text: String {
        switch self {
        case .man: ManualPage.text()
        case .bashCompletion: BashCompletion.script()
        }
    }
}
