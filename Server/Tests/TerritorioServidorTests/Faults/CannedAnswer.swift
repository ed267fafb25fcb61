/// Raw HTTP answers `FaultProxy` gives in place of the server: what a failing or overloaded
/// server, or a network that is not the internet, really sends.
enum CannedAnswer {
    /// A server error with an HTML body, as a reverse proxy in front of a crashed server sends it.
    static let serverError = make(status: "500 Internal Server Error", headers: ["Content-Type: text/html"],
                                  body: "<html><body><h1>500 Internal Server Error</h1></body></html>")

    /// Too many requests: come back in `seconds`.
    static func tooManyRequests(retryAfter seconds: Int) -> String {
        make(status: "429 Too Many Requests", headers: ["Content-Type: text/plain", "Retry-After: \(seconds)"],
             body: "Demasiadas solicitudes")
    }

    /// A municipal Wi-Fi's login page: `200` with HTML, whatever was asked.
    static let captivePortal = make(status: "200 OK", headers: ["Content-Type: text/html; charset=utf-8"],
                                    body: "<html><head><title>Bogotá WiFi</title></head><body>Acepte los términos para navegar.</body></html>")

    /// A reverse proxy's body limit (nginx's `client_max_body_size`): an HTML `413`, not the server's problem.
    static let proxyTooLarge = make(status: "413 Request Entity Too Large", headers: ["Content-Type: text/html"],
                                    body: "<html><head><title>413 Request Entity Too Large</title></head><body><center><h1>413 Request Entity Too Large</h1></center><hr><center>nginx</center></body></html>")

    /// A gateway's `400` in plain text that asks to try again.
    static let badRequestTryAgain = make(status: "400 Bad Request", headers: ["Content-Type: text/plain; charset=utf-8"],
                                         body: "Solicitud incorrecta; reintente más tarde.")

    /// A redirect elsewhere, as a misconfigured proxy or a moved site sends it.
    static func redirect(to location: String) -> String {
        make(status: "307 Temporary Redirect", headers: ["Location: \(location)", "Content-Type: text/html"],
             body: "<html><body>Moved to <a href=\"\(location)\">\(location)</a></body></html>")
    }

    /// A full disk on the server's side: come back in `seconds`.
    static func insufficientStorage(retryAfter seconds: Int) -> String {
        make(status: "507 Insufficient Storage", headers: ["Content-Type: text/html", "Retry-After: \(seconds)"],
             body: "<html><body><h1>507 Insufficient Storage</h1></body></html>")
    }

    /// A `HEAD` saying the server holds every byte of a photo but has not completed it, as a
    /// server that died between storing the last piece and completing would say.
    static func holdingEveryByte(of size: Int) -> String {
        make(status: "404 Not Found", headers: ["Upload-Offset: \(size)"], body: "")
    }

    private static func make(status: String, headers: [String], body: String) -> String {
        (["HTTP/1.1 \(status)"] + headers + ["Content-Length: \(body.utf8.count)", "Connection: close", "", body])
            .joined(separator: "\r\n")
    }
}
