/// The interface's colour themes (`--colores`).
enum ColorMode: String, CaseIterable, Equatable {
    case normal
    case mono
    case altoContraste = "alto-contraste"
}
