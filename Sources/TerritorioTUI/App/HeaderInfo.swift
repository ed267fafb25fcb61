/// What the header says on every screen: who and where the gestor stands before reading
/// anything else — sync state, drafts and queue, and whether the catalogue is sample data.
struct HeaderInfo: Equatable, Sendable {
    /// The gestor's name, once the program knows one.
    var gestor: String?
    /// "sin servidor" when none is configured: nothing ever touches the network.
    var syncState = "sin servidor"
    var drafts = 0
    var queued = 0
    /// Rejected novedades wait for a correction: named in the header while there are any.
    var rejected = 0
    /// The bundled sample catalogue is loaded: the header warns on every screen.
    var isSample = false

    /// The top bar's text for `width` columns: `Territorio · sin servidor · borradores 0 · en
    /// cola 0`, or a shorter form that keeps every count when that does not fit.
    func summary(width: Int) -> String {
        let gestor = self.gestor.map { ["gestor: " + $0] } ?? []
        let rejected = self.rejected > 0 ? ["rechazadas \(self.rejected)"] : []
        let full = (["Territorio"] + gestor + [syncState, "borradores \(drafts) · en cola \(queued)"] + rejected)
            .joined(separator: " · ")
        if DisplayWidth.of(full) <= width { return full }
        let short = self.rejected > 0 ? ["rech. \(self.rejected)"] : []
        return (["Territorio", syncState, "borr. \(drafts)", "cola \(queued)"] + short).joined(separator: " · ")
    }
}
