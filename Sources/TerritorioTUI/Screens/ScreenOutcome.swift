/// What a screen's key handler asks the `App` to do (htop's `HandlerResult`): screens never
/// push, pop or quit by themselves.
enum ScreenOutcome {
    /// Something changed: draw again.
    case handled
    /// The action means nothing here.
    case ignored
    case push(any Screen)
    case pop
    /// Leave this screen and show a message on the one below.
    case popWithNotice(String)
    /// A message for the gestor, shown above the footer until the next key.
    case notice(String)
    /// Close the palette and run its chosen action (`PaletteScreen`).
    case run(PaletteEntry)
    /// Hand the terminal to another program (`$EDITOR`, `chafa`) and come back.
    case runProgram(ExternalProgram)

    /// What a typing action in a field comes to (`TextField.edit`): ignored when a character did
    /// not fit (`typed` false); else `then` follows the text (narrows a list) and it is handled.
    static func typing(_ typed: Bool, then follow: () -> Void) -> ScreenOutcome {
        guard typed else { return .ignored }
        follow()
        return .handled
    }
}
