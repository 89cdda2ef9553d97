package dev.worldmind.data.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class MailParserTest {
    private final MailParser parser = MailParser.create();

    @Test
    void keepsTheSubjectAndDropsOtherHeaders() {
        MailText mail =
                parser.parse(
                        "From someone@example.com  Mon Jun 24 17:49:00 2002\n"
                                + "Received: from mail.example.com\n"
                                + "    by relay.example.org\n"
                                + "Subject: Meeting\n"
                                + "  tomorrow\n"
                                + "X-Spam-Status: No\n"
                                + "\n"
                                + "See you   at\n\n ten.\n");

        assertThat(mail.subject()).isEqualTo("Meeting tomorrow");
        assertThat(mail.body()).isEqualTo("See you at ten.");
        assertThat(mail.combined()).isEqualTo("Meeting tomorrow\nSee you at ten.");
    }

    @Test
    void decodesQuotedPrintableInItsCharset() {
        MailText mail =
                parser.parse(
                        "Subject: =?ISO-8859-1?Q?Gr=FC=DFe_aus_K=F6ln?=\n"
                                + "Content-Type: text/plain; charset=\"iso-8859-1\"\n"
                                + "Content-Transfer-Encoding: quoted-printable\n"
                                + "\n"
                                + "Sch=F6ne Gr=FC=DFe, das ist eine sehr lange Zeile, die weich =\n"
                                + "umbrochen wurde. 3 =3D 3\n");

        assertThat(mail.subject()).isEqualTo("Grüße aus Köln");
        assertThat(mail.body())
                .isEqualTo(
                        "Schöne Grüße, das ist eine sehr lange Zeile, die weich umbrochen"
                                + " wurde. 3 = 3");
    }

    @Test
    void decodesBase64BodiesAndSubjects() {
        String body =
                Base64.getMimeEncoder()
                        .encodeToString(
                                "Cheap pills, 100% natural!".getBytes(StandardCharsets.UTF_8));
        MailText mail =
                parser.parse(
                        "Subject: =?utf-8?B?"
                                + Base64.getEncoder()
                                        .encodeToString("Ça va? ✓".getBytes(StandardCharsets.UTF_8))
                                + "?=\n"
                                + "Content-Type: text/plain; charset=utf-8\n"
                                + "Content-Transfer-Encoding: base64\n\n"
                                + body
                                + "\n");

        assertThat(mail.subject()).isEqualTo("Ça va? ✓");
        assertThat(mail.body()).isEqualTo("Cheap pills, 100% natural!");
    }

    @Test
    void prefersThePlainVersionOfAnAlternativeAndSkipsAttachments() {
        String raw =
                "Subject: news\n"
                        + "MIME-Version: 1.0\n"
                        + "Content-Type: multipart/mixed; boundary=\"outer\"\n\n"
                        + "This is a multi-part message in MIME format.\n"
                        + "--outer\n"
                        + "Content-Type: multipart/alternative; boundary=inner\n\n"
                        + "--inner\n"
                        + "Content-Type: text/plain; charset=us-ascii\n\n"
                        + "plain version\n"
                        + "--inner\n"
                        + "Content-Type: text/html\n\n"
                        + "<p>html version</p>\n"
                        + "--inner--\n"
                        + "--outer\n"
                        + "Content-Type: image/gif; name=logo.gif\n"
                        + "Content-Transfer-Encoding: base64\n\n"
                        + "R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7\n"
                        + "--outer\n"
                        + "Content-Type: text/plain\n\n"
                        + "signature part\n"
                        + "--outer--\n"
                        + "epilogue is ignored\n";

        assertThat(parser.parse(raw).body()).isEqualTo("plain version signature part");
    }

    @Test
    void turnsHtmlIntoText() {
        MailText mail =
                parser.parse(
                        "Subject: offer\n"
                                + "Content-Type: text/html; charset=windows-1252\n"
                                + "Content-Transfer-Encoding: quoted-printable\n\n"
                                + "<html><head><title>x</title><style>p {color: red}</style></head>"
                                + "<body><!-- hidden --><script>alert(1)</script>"
                                + "<p>Save&nbsp;50&#37; &amp; more</p><br>"
                                + "<a href=3D\"http://x.example\">Click&#x20;here</a> &copy; 2002"
                                + " &bogus;</body></html>\n");

        assertThat(mail.body()).isEqualTo("Save 50% & more Click here © 2002 &bogus;");
    }

    @Test
    void readsHtmlLabelledAsPlainTextAndHtmlOnlyAlternatives() {
        assertThat(
                        parser.parse("Subject: s\n\n<html><body><b>Hello</b> there</body></html>")
                                .body())
                .isEqualTo("Hello there");
        String alternative =
                "Content-Type: multipart/alternative; boundary=b\n\n"
                        + "--b\nContent-Type: text/html\n\n<div>only html</div>\n--b--\n";
        assertThat(parser.parse(alternative).body()).isEqualTo("only html");
    }

    @Test
    void survivesMalformedMail() {
        assertThat(parser.parse("").isEmpty()).isTrue();
        assertThat(parser.parse("no headers at all").body()).isEmpty();
        // A multipart without its closing delimiter, and broken base64.
        String raw =
                "Content-Type: multipart/mixed; boundary=zz\n\n"
                        + "--zz\n"
                        + "Content-Transfer-Encoding: base64\n\n"
                        + "SGVsbG8gd29y!!bGQ=garbage\n"
                        + "--zz\n"
                        + "Content-Type: text/plain\n\nstill read";
        assertThat(parser.parse(raw).body()).startsWith("Hello wor").endsWith("still read");
        assertThat(parser.parse("Content-Type: multipart/mixed\n\nno boundary given").body())
                .isEqualTo("no boundary given");
    }

    @Test
    void capsTheBody() {
        MailText mail = new MailParser(50).parse("Subject: long\n\n" + "word ".repeat(1000));
        assertThat(mail.body()).hasSize(50);
    }

    @Test
    void decodesQuotedPrintableAndBase64Leniently() {
        assertThat(Decoding.quotedPrintable("a=3Db=\r\nc=ZZ="))
                .containsExactly("a=bc=ZZ=".getBytes(StandardCharsets.US_ASCII));
        assertThat(new String(Decoding.base64("SGk\n=\n"), StandardCharsets.US_ASCII))
                .isEqualTo("Hi");
        assertThat(Decoding.charset("x-unknown")).isEqualTo(Decoding.FALLBACK);
    }
}
