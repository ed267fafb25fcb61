"""Schemathesis hooks for docs/openapi.yaml, loaded through schemathesis.toml.

A resumable piece (`PATCH /adjuntos/{sha256}`) is `application/offset+octet-stream`: raw bytes,
which Schemathesis does not know how to put on the wire by itself.
"""
import json

import schemathesis


@schemathesis.serializer("application/offset+octet-stream")
def offset_octet_stream(ctx, value):
    if isinstance(value, bytes):
        return {"data": value}
    if isinstance(value, str):
        return {"data": value.encode("utf-8")}
    return {"data": json.dumps(value).encode("utf-8")}
