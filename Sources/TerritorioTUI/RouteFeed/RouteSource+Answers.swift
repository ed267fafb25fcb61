extension RouteSource {
    /// The answer to `request`'s rows, and whether a count is still owed: the page did not say
    /// how many match and fewer rows than asked for did not prove it.
    func answerPage(_ request: RouteRequest) -> (answer: RouteAnswer, owesTotal: Bool) {
        do {
            var page = try page(for: request)
            if page.total == nil, page.rows.count < request.limit {
                page.total = .exact(request.offset + page.rows.count)
            }
            return (.page(request, page), request.wantsTotal && page.total == nil)
        } catch {
            return (.failed(request, FailureText.describe(error)), false)
        }
    }
}
