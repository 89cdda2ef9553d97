/**
 * Reading raw RFC 822 e-mail as plain text: headers, MIME multipart bodies, quoted-printable and
 * base64 transfer encodings, encoded-word subjects and HTML. Depends on the JDK only; every type
 * here is immutable or stateless and thread-safe.
 */
package dev.worldmind.data.mail;
