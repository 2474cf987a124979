#include "server/OwnCertificate.h"

#include "core/PrivateFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>

namespace cc::api {

namespace {

constexpr long kValiditySeconds = 10L * 365 * 24 * 3600;

template<auto Free>
struct Deleter
{
    template<typename T>
    void operator()(T *p) const
    {
        Free(p);
    }
};
using Key = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY_free>>;
using Certificate = std::unique_ptr<X509, Deleter<X509_free>>;
using Memory = std::unique_ptr<BIO, Deleter<BIO_free>>;
using Number = std::unique_ptr<BIGNUM, Deleter<BN_free>>;
using Extension = std::unique_ptr<X509_EXTENSION, Deleter<X509_EXTENSION_free>>;

Error openSslError(const QString &what)
{
    return Error::storage(QStringLiteral("Could not make the server's own certificate: %1.").arg(what));
}

bool addExtension(X509 *certificate, int nid, const QByteArray &value)
{
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, certificate, certificate, nullptr, nullptr, 0);
    Extension extension(X509V3_EXT_conf_nid(nullptr, &context, nid, value.constData()));
    return extension && X509_add_ext(certificate, extension.get(), -1) == 1;
}

bool setName(X509 *certificate, const QString &hostName)
{
    X509_NAME *name = X509_get_subject_name(certificate);
    const QByteArray organisation = QByteArrayLiteral("Coordinator Console");
    const QByteArray common = hostName.toUtf8().left(64);
    const auto text = [](const QByteArray &b) {
        return reinterpret_cast<const unsigned char *>(b.constData());
    };
    return X509_NAME_add_entry_by_txt(name, "O", MBSTRING_UTF8, text(organisation), -1, -1, 0) == 1
        && X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8, text(common), -1, -1, 0) == 1
        && X509_set_issuer_name(certificate, name) == 1;
}

// A random 127-bit serial number (positive, as RFC 5280 wants).
bool setSerial(X509 *certificate)
{
    Number serial(BN_new());
    return serial && BN_rand(serial.get(), 127, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY) == 1
        && BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(certificate)) != nullptr;
}

Result<Certificate> selfSigned(EVP_PKEY *key, const QString &hostName)
{
    Certificate certificate(X509_new());
    if (!certificate || X509_set_version(certificate.get(), 2) != 1 || !setSerial(certificate.get()))
        return openSslError(QStringLiteral("no certificate"));
    X509_gmtime_adj(X509_getm_notBefore(certificate.get()), -3600); // a clock a little behind
    X509_gmtime_adj(X509_getm_notAfter(certificate.get()), kValiditySeconds);
    QByteArray names = "DNS:localhost,IP:127.0.0.1,IP:::1";
    if (!hostName.isEmpty() && hostName != QLatin1String("localhost"))
        names.prepend("DNS:" + hostName.toUtf8() + ',');
    if (X509_set_pubkey(certificate.get(), key) != 1 || !setName(certificate.get(), hostName)
        || !addExtension(certificate.get(), NID_basic_constraints, "critical,CA:FALSE")
        || !addExtension(certificate.get(), NID_key_usage, "critical,digitalSignature")
        || !addExtension(certificate.get(), NID_ext_key_usage, "serverAuth")
        || !addExtension(certificate.get(), NID_subject_alt_name, names)
        || !addExtension(certificate.get(), NID_subject_key_identifier, "hash")
        || X509_sign(certificate.get(), key, EVP_sha256()) == 0)
        return openSslError(QStringLiteral("signing failed"));
    return certificate;
}

QByteArray drain(BIO *bio)
{
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return QByteArray(data, size);
}

} // namespace

Result<OwnCertificate> OwnCertificate::ensure(const QString &folder, const QString &hostName)
{
    OwnCertificate own;
    const QDir dir(folder);
    own.certificateFile = dir.filePath(QStringLiteral("tls-cert.pem"));
    own.keyFile = dir.filePath(QStringLiteral("tls-key.pem"));
    if (QFileInfo::exists(own.certificateFile) && QFileInfo::exists(own.keyFile))
        return own;

    if (auto s = makePrivateFolder(folder); !s)
        return s.error();
    Key key(EVP_EC_gen("P-256"));
    if (!key)
        return openSslError(QStringLiteral("no P-256 key"));
    auto certificate = selfSigned(key.get(), hostName);
    if (!certificate)
        return certificate.error();
    Memory keyPem(BIO_new(BIO_s_mem()));
    Memory certificatePem(BIO_new(BIO_s_mem()));
    if (!keyPem || !certificatePem
        || PEM_write_bio_PrivateKey(keyPem.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1
        || PEM_write_bio_X509(certificatePem.get(), certificate->get()) != 1)
        return openSslError(QStringLiteral("PEM encoding failed"));
    // The key first: a certificate without its key is never left behind to be reused.
    if (auto s = writePrivately(own.keyFile, drain(keyPem.get()), 0600); !s)
        return s.error();
    if (auto s = writePrivately(own.certificateFile, drain(certificatePem.get()), 0644); !s)
        return s.error();
    own.made = true;
    return own;
}

} // namespace cc::api
