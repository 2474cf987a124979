#pragma once

#include "core/Result.h"

#include <QString>

namespace cc::api {

// The server's own TLS identity, for when nobody gave it a certificate: an ECDSA P-256 key and a
// self-signed certificate (valid ten years) in `folder`, made on the first start and reused after.
// The phone does not trust it through a CA: it pins the SHA-256 fingerprint that the pairing QR code
// carries, so the certificate must stay the same across restarts.
struct OwnCertificate
{
    QString certificateFile; // folder/tls-cert.pem
    QString keyFile;         // folder/tls-key.pem, mode 0600
    bool made = false;       // true when this call made them

    // Reuses the pair in `folder` when both files are there; otherwise makes a new pair (the folder
    // is created 0700 when missing). `hostName` goes into the subject and the subjectAltName, with
    // localhost, 127.0.0.1 and ::1.
    static Result<OwnCertificate> ensure(const QString &folder, const QString &hostName);
};

} // namespace cc::api
