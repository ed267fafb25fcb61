import Testing
@testable import TerritorioServidorCore

/// What the operator reads when the S3 store refuses a request.
struct S3ErrorAnswerTests {
    @Test func s3sErrorDocumentGivesItsCodeAndMessageAndNothingElse() {
        // The shape of S3's documented error answer (REST error responses, SignatureDoesNotMatch).
        let document = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match the signature you provided. Check your key &amp; signing method.</Message><AWSAccessKeyId>AKIAIOSFODNN7EXAMPLE</AWSAccessKeyId><StringToSign>AWS4-HMAC-SHA256
            20130524T000000Z
            20130524/us-east-1/s3/aws4_request</StringToSign><RequestId>4442587FB7D0A2F9</RequestId></Error>
            """
        #expect(S3ErrorAnswer.summary(of: document) == """
            SignatureDoesNotMatch: The request signature we calculated does not match the signature you provided. Check your key & signing method.
            """)
    }

    @Test func controlCharactersAndLongOrForeignAnswersAreTamed() {
        let hostile = "<Error><Code>X\u{1B}[2J</Code><Message>\(String(repeating: "m", count: 500))</Message></Error>"
        let summary = S3ErrorAnswer.summary(of: hostile)
        #expect(!summary.unicodeScalars.contains("\u{1B}"))
        #expect(summary.count < 220)
        let page = "<html>\n<body>502 Bad Gateway</body>\n</html>" + String(repeating: " ", count: 400)
        #expect(!S3ErrorAnswer.summary(of: page).contains("\n"))
        #expect(S3ErrorAnswer.summary(of: page).count <= 200)
        #expect(S3ErrorAnswer.summary(of: "") == "")
    }
}
