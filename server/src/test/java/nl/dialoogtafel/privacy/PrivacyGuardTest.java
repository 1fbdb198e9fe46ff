package nl.dialoogtafel.privacy;

import static nl.dialoogtafel.privacy.FindingKind.BSN;
import static nl.dialoogtafel.privacy.FindingKind.DATE_OF_BIRTH;
import static nl.dialoogtafel.privacy.FindingKind.EMAIL;
import static nl.dialoogtafel.privacy.FindingKind.IBAN;
import static nl.dialoogtafel.privacy.FindingKind.PHONE;
import static nl.dialoogtafel.privacy.FindingKind.POSTCODE_HOUSENUMBER;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class PrivacyGuardTest {

    /** Appends the check digit that makes the 8 given digits a valid BSN, or returns null if none exists. */
    static String withCheckDigit(String first8) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (9 - i) * (first8.charAt(i) - '0');
        }
        int check = sum % 11; // 9*d1 + ... + 2*d8 - check must be divisible by 11
        return check == 10 ? null : first8 + check;
    }

    static List<String> validBsns() {
        List<String> bsns = new ArrayList<>(List.of("111222333", "123456782"));
        for (String prefix : List.of("24681357", "31415926", "27182818", "16180339", "99887766")) {
            String bsn = withCheckDigit(prefix);
            if (bsn != null) {
                bsns.add(bsn);
            }
        }
        return bsns;
    }

    private static List<FindingKind> kinds(String text) {
        return PrivacyGuard.scan(text).stream().map(Finding::kind).toList();
    }

    private static void assertSingle(FindingKind kind, String expectedExcerpt, String text) {
        List<Finding> findings = PrivacyGuard.scan(text);
        assertEquals(1, findings.size(), () -> "expected one " + kind + " in: " + text + " but got " + findings);
        Finding f = findings.get(0);
        assertEquals(kind, f.kind(), text);
        assertEquals(expectedExcerpt, f.excerpt(), text);
        assertEquals(f.excerpt(), text.substring(f.start(), f.end()), "start/end point at the excerpt");
    }

    // ------------------------------------------------------------------ BSN

    @Test
    @DisplayName("The test's own BSN generator agrees with the 11-proof in the guard")
    void generatorAgreesWithGuard() {
        for (String bsn : validBsns()) {
            assertTrue(BsnDetector.elevenProof(bsn), bsn);
        }
        assertFalse(BsnDetector.elevenProof("123456789"));
        assertFalse(BsnDetector.elevenProof("000000000"), "all zeros is not a BSN");
    }

    @ParameterizedTest
    @MethodSource("validBsns")
    @DisplayName("A valid BSN next to a BSN keyword is found, plain, dotted and spaced, keyword before or after")
    void validBsnWithKeywordIsFound(String bsn) {
        String dotted = bsn.substring(0, 4) + "." + bsn.substring(4, 6) + "." + bsn.substring(6);
        String spaced = bsn.substring(0, 3) + " " + bsn.substring(3, 6) + " " + bsn.substring(6);
        assertSingle(BSN, bsn, "Het BSN van de jongere is " + bsn + ", zie dossier.");
        assertSingle(BSN, dotted, "burgerservicenummer: " + dotted);
        assertSingle(BSN, spaced, "Zijn burger service nummer " + spaced + " klopt niet met de aanvraag.");
        assertSingle(BSN, bsn, "Vader gaf " + bsn + " op als sofinummer.");
        assertSingle(BSN, bsn, "sofi-nummer " + bsn);
        assertSingle(BSN, bsn, "Persoonsnummer " + bsn + " hoort bij moeder.");
        assertTrue(BSN.alwaysRefused());
    }

    @Test
    @DisplayName("A BSN written with eight digits (the leading zero dropped) is found")
    void eightDigitBsnIsFound() {
        String nine = withCheckDigit("01234567");
        String eight = nine.substring(1);
        assertEquals(8, eight.length());
        assertSingle(BSN, eight, "bsn " + eight);
    }

    @ParameterizedTest
    @ValueSource(strings = {"123456789", "111222334", "987654321"})
    @DisplayName("A nine-digit number that fails the 11-proof is not a BSN, even next to the keyword")
    void invalidChecksumIsNotFound(String number) {
        assertFalse(BsnDetector.elevenProof(number), number);
        assertEquals(List.of(), PrivacyGuard.scan("Het bsn is " + number + "."));
    }

    @ParameterizedTest
    @ValueSource(strings = {"B.S.N.", "B S N", "b-s-n", "bsn-nr.", "bsnnr", "burgerservicenr.", "burger service nr",
        "sofinr", "sofi-nr.", "fiscaal nummer", "citizen service number", "Citizen's Service No.", "social security number"})
    @DisplayName("BSN keyword variants count, also more than 40 characters from the number in the same sentence")
    void keywordVariantsAndFarKeyword(String keyword) {
        assertSingle(BSN, "123456782", "Het " + keyword + " van de jongste, die sinds de zomer bij oma woont en nu naar "
                + "een andere school gaat, is 123456782.");
        assertSingle(BSN, "1112.22.333", "1112.22.333 stond op de brief die vader meenam, en dat bleek zijn " + keyword + ".");
    }

    @Test
    @DisplayName("A BSN word in another sentence, an amount, a date or another number's label makes no BSN")
    void keywordOutsideTheSentenceOrOtherLabel() {
        assertEquals(List.of(), PrivacyGuard.scan("Het BSN vragen we nooit aan de jongere zelf. Registratienummer 123456782."));
        assertEquals(List.of(), PrivacyGuard.scan("Het BSN vragen we nooit\nkenmerk 123456782"));
        assertEquals(List.of(), PrivacyGuard.scan("Zonder BSN geen declaratie, er staat nog € 123.456.782 open."));
        assertEquals(List.of(), PrivacyGuard.scan("Het BSN hebben we niet, wel het cliëntnummer 123456782."));
        assertEquals(List.of(), PrivacyGuard.scan("Het BSN vragen we nooit, zie zaaknummer 2023-123456782."));
        assertEquals(List.of(), PrivacyGuard.scan("Het BSN-beleid geldt sinds 20150101."), "an eight-digit date");
        assertSingle(BSN, "123456782", "Dossiernummer en BSN: 123456782");
        assertSingle(BSN, "123456782", "BSN:\n123456782");
    }

    @Test
    @DisplayName("A valid BSN without a keyword nearby is not reported")
    void validBsnWithoutKeywordIsNotFound() {
        assertEquals(List.of(), PrivacyGuard.scan("Dossiernummer 123456782 is overgedragen."));
        String far = "Het bsn staat in het dossier." + " ".repeat(60) + "Kenmerk 111222333.";
        assertEquals(List.of(), PrivacyGuard.scan(far));
    }

    @Test
    @DisplayName("An IBAN takes precedence over a BSN-like number near the keyword")
    void ibanWinsOverBsn() {
        assertEquals(List.of(IBAN), kinds("bsn onbekend, rekening NL91ABNA0417164300"));
    }

    // ------------------------------------------------------------------ postcode

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1234 AB 12                     | 1234 AB 12",
        "1234AB, 12a                    | 1234AB, 12a",
        "1234 AB 12-2                   | 1234 AB 12-2",
        "1234ab 7                       | 1234ab 7",
        "1234 AB, huisnummer 5          | 1234 AB, huisnummer 5",
        "Dorpsstraat 12, 1234 AB        | Dorpsstraat 12, 1234 AB",
        "Van Goghstraat 3 hs, 3511 XK   | Goghstraat 3 hs, 3511 XK",
        "1234 AB Utrecht, Kerkstraat 3  | 1234 AB Utrecht, Kerkstraat 3"})
    @DisplayName("A postcode with a house number, before or after it, is found")
    void postcodeWithHouseNumberIsFound(String address, String excerpt) {
        assertSingle(POSTCODE_HOUSENUMBER, excerpt, "Het gezin woont op " + address + " sinds de zomer.");
    }

    @Test
    @DisplayName("A street and number on the line above the postcode count as an address")
    void addressOverTwoLines() {
        assertSingle(POSTCODE_HOUSENUMBER, "Gracht 101\n3511 AB", "Adres:\nOude Gracht 101\n3511 AB Utrecht");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Het team werkt in 3511 AB en omgeving.", "Zij woont in 1234 SA 12.",
        "Postcode 0123 AB 12 bestaat niet.", "Dorpsstraat 12 in Ergens.", "In 2019 en 2020 waren er 12 meldingen."})
    @DisplayName("A postcode without a house number, an unissued postcode or a street alone is not found")
    void postcodeWithoutNumberIsNotFound(String text) {
        assertEquals(List.of(), PrivacyGuard.scan(text));
    }

    // ------------------------------------------------------------------ date of birth

    @ParameterizedTest
    @ValueSource(strings = {"geboren op 3-4-2012", "geb. 03/04/2012", "geboortedatum: 3.4.2012",
        "Sem is geboren op 3 maart 2012.", "geb. 3 mrt. 2012", "date of birth 2012-03-03", "DOB: 2012-03-03",
        "born March 3, 2012", "geb.datum 29-02-2012", "Haar verjaardag is 12 december 2010."})
    @DisplayName("A full date with a birth keyword nearby is a date of birth")
    void dateOfBirthIsFound(String text) {
        assertEquals(List.of(DATE_OF_BIRTH), kinds(text), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Overleg op 3-4-2012 met school.", "geboren 31-02-2012", "geboren in 2012",
        "geboren 13-13-2012", "Evaluatie 2024-03-03 gepland."})
    @DisplayName("A date without a birth keyword, or an impossible date, is not a date of birth")
    void otherDatesAreNotFound(String text) {
        assertEquals(List.of(), PrivacyGuard.scan(text));
    }

    // ------------------------------------------------------------------ phone

    @ParameterizedTest
    @ValueSource(strings = {"06-12345678", "06 1234 5678", "0612345678", "06 12 34 56 78", "+31 6 12345678",
        "+31612345678", "0031 6 12345678", "+31 (0)6 1234 5678", "+31 06 12345678", "010-1234567",
        "020 123 4567", "(020) 1234567", "0111 123456", "+32 2 123 45 67", "+49 30 1234567"})
    @DisplayName("Dutch mobile and landline numbers and international numbers are found")
    void phoneIsFound(String phone) {
        assertSingle(PHONE, phone, "Moeder is bereikbaar op " + phone + ", liefst na schooltijd.");
    }

    @Test
    @DisplayName("Two phone numbers written as alternatives are both found")
    void twoPhones() {
        assertEquals(List.of(PHONE, PHONE), kinds("Vader: 06-12345678/06-87654321"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0800-1234", "0800 1234", "08001234", "0800-1234567", "0800 123 45 67", "0900-8765",
        "0900 1234567", "0900-123 4567", "0906-1234", "0909-7654321"})
    @DisplayName("0800, 0900, 0906 and 0909 numbers are phone numbers (a business or paid line can lead to a person)")
    void serviceNumberIsFound(String phone) {
        assertSingle(PHONE, phone, "Oom runt een bedrijfje met nummer " + phone + ", daar belt de jongere vaak heen.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"De Kindertelefoon: 0800-0432.", "Veilig Thuis (0800 2000) is altijd bereikbaar.",
        "Politie zonder spoed: 0900-8844.", "Open van 0900-1200 uur.", "Spreekuur van 0800-1730.",
        "Infolijn 0900-123456.", "Gratis via 0800 123 456 7."})
    @DisplayName("National help lines, opening hours and service numbers of the wrong length are not warned about")
    void helpLinesAndOpeningHoursAreNotPhones(String text) {
        assertEquals(List.of(), PrivacyGuard.scan(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bel bij nood 112.", "Ze kwam op 06-02-2012 14 uur binnen.", "Kenmerk 01-02-2012 12",
        "Er zijn 0612345678901 regels.", "Score +125 punten."})
    @DisplayName("Emergency numbers and phone-like numbers of the wrong shape are not phones")
    void nonPhonesAreNotFound(String text) {
        assertEquals(List.of(), PrivacyGuard.scan(text));
    }

    // ------------------------------------------------------------------ e-mail and IBAN

    @ParameterizedTest
    @ValueSource(strings = {"jan.jansen@example.nl", "j.de-vries+school@mail.example.com", "josé@voorbeeld.be"})
    @DisplayName("An e-mail address is found")
    void emailIsFound(String email) {
        assertSingle(EMAIL, email, "Mail haar op " + email + ".");
    }

    @ParameterizedTest
    @ValueSource(strings = {"naam [at] domein [punt] nl", "j.jansen(at)wijkteam.nl", "moeder at gmail dot com",
        "vader apenstaartje ziggo punt nl", "j.bakker @ kpnmail . nl", "p.devries@gemeente[punt]nl",
        "k.smit {at} school [punt] amsterdam [punt] nl", "m.el-amrani <at> gmail <dot> com"})
    @DisplayName("A disguised e-mail address is found as an e-mail address")
    void disguisedEmailIsFound(String email) {
        assertSingle(EMAIL, email, "Mail haar op " + email + ", niet bellen.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Sem at snel en ging weer naar buiten.", "Hij at een boterham. Nl. zei niets.",
        "More info at www.nji.nl about the Jeugdwet.", "Het overleg @ het wijkteamkantoor begint om 10.00 uur.",
        "Zij zat at the table met de wethouder, dot dot dot.", "De jongere at bij oma, punt uit."})
    @DisplayName("'at' (the past tense of eten), websites and a lone @ are not e-mail addresses")
    void proseWithAtIsNotEmail(String text) {
        assertEquals(List.of(), PrivacyGuard.scan(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"NL91ABNA0417164300", "NL91 ABNA 0417 1643 00", "nl91abna0417164300",
        "BE68 5390 0754 7034", "DE89 3704 0044 0532 0130 00", "GB82 WEST 1234 5698 7654 32"})
    @DisplayName("A Dutch or foreign IBAN with a correct mod-97 check is found")
    void ibanIsFound(String iban) {
        assertSingle(IBAN, iban, "Toeslag gaat naar " + iban + " van de pleegouders.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"NL91 ABNA 0417 1643 01", "NL91ABNA041716430", "XX91ABNA0417164300"})
    @DisplayName("An IBAN with a wrong check, a wrong length or an unknown country is not found")
    void invalidIbanIsNotFound(String iban) {
        // "0417 1643 01" inside a mistyped IBAN still has a phone shape and may be warned about as one
        assertFalse(kinds("Rekening " + iban + ".").contains(IBAN));
    }

    // ------------------------------------------------------------------ stories

    @Test
    @DisplayName("A story mixing several identifiers reports each kind in order of appearance")
    void mixedStory() {
        String story = "Melding over Sem (geboren 3 maart 2012, bsn 123456782). Hij woont met moeder op "
                + "Dorpsstraat 12, 1234 AB Ergens. Moeder is bereikbaar op 06-12345678 of via "
                + "moeder.sem@example.nl; de pleegzorgvergoeding gaat naar NL91 ABNA 0417 1643 00. "
                + "Volgende evaluatie op 14-10-2024 om 14:30, 3 keer per week begeleiding.";
        List<Finding> findings = PrivacyGuard.scan(story);
        assertEquals(List.of(DATE_OF_BIRTH, BSN, POSTCODE_HOUSENUMBER, PHONE, EMAIL, IBAN),
                findings.stream().map(Finding::kind).toList(), findings.toString());
        for (Finding f : findings) {
            assertEquals(f.excerpt(), story.substring(f.start(), f.end()));
        }
        assertEquals("Dorpsstraat 12, 1234 AB", findings.get(2).excerpt());
        assertEquals(List.of(BSN), findings.stream().map(Finding::kind).filter(FindingKind::alwaysRefused).toList());
    }

    /** Ordinary sentences from youth-care practice; none of them identifies a client. */
    static final List<String> ORDINARY_PROSE = List.of(
            "In 2019 had ik 12 gezinnen in mijn caseload.",
            "We zien de jongere 3 keer per week op het wijkteamkantoor.",
            "Volgens artikel 7.3 van de Jeugdwet moet de gemeente een passende voorziening treffen.",
            "De wachtlijst is inmiddels 14 weken, dat is te lang voor deze jongeren.",
            "Er is € 125.000 budget beschikbaar voor preventie in 2024.",
            "Het overleg begint om 14:30 en duurt tot 16:00.",
            "Ongeveer 35% van de aanmeldingen komt via de huisarts.",
            "Op 12 maart 2024 hebben we de casus besproken in het MDO.",
            "De evaluatie staat gepland op 03-04-2025 om 10.00 uur.",
            "We werken met 4 gezinscoaches en 2,5 fte gedragswetenschapper.",
            "Jongeren van 16 tot 23 jaar kunnen terecht bij het jongerenloket.",
            "De Kindertelefoon is gratis bereikbaar via 0800-0432.",
            "Veilig Thuis is 24/7 bereikbaar op 0800-2000.",
            "Bij acute nood bel je 112, daarna de crisisdienst.",
            "Sinds 1 januari 2015 is de gemeente verantwoordelijk voor de jeugdhulp.",
            "De kosten per traject lopen op tot 18.500 euro per jaar.",
            "In de periode 2020-2023 is het aantal meldingen met 20 procent gestegen.",
            "Tijdens de 1e ronde gesprekken kwamen 150 ouders langs.",
            "Het wijkteam werkt vooral in de buurten rond 3511 AB.",
            "Het gesprek duurde 45 minuten en we spraken af over 2 weken opnieuw te kijken.",
            "Hoofdstuk 2, paragraaf 2.4, lid 3 van de verordening is hier relevant.",
            "Het kind is 8 jaar oud en zit in groep 5.",
            "We bereikten 1.250 gezinnen via 17 scholen en 6 huisartsenpraktijken.",
            "Ons teamnummer in het registratiesysteem is 20231107.",
            "De jongere was bij de intake 15 jaar en woont sinds 2021 in een gezinshuis.",
            "Geboren en getogen in deze wijk kent hij iedereen op het plein.",
            "Op haar verjaardag kwam de voogd langs met een taart.",
            "Het BSN wordt nooit in dit verslag opgenomen, dat staat in het dossier.",
            "De groep bestaat uit 10 kinderen tussen 6 en 12 jaar.",
            "Tussen 08:30 en 17:00 is het team telefonisch bereikbaar.",
            "We hebben in Q3 2023 ruim 2.400 uur jeugdhulp ingezet.",
            "Wijkteam Noord zit aan de Stationsstraat, naast de bibliotheek.",
            "Ze wonen aan de Dorpsstraat 12, maar dat doet er voor de aanpak niet toe.",
            "De Jeugdwet (Stb. 2014, 105) regelt ook de privacy van kinderen.",
            "Via de 06-nummers van collega's regelen we de dienstwisselingen.",
            "De SDQ-score was 18 bij de voormeting en 11 bij de nameting.",
            "Zaak 2023/0451 is overgedragen aan de Raad voor de Kinderbescherming.",
            "Met 1 op de 9 kinderen gaat het niet goed, blijkt uit onderzoek van 2022.",
            "Contactmoment 3 van 6: moeder geeft aan dat het beter gaat 👍, vader was er niet.",
            "Het budget steeg van 1.234.567 naar 1.456.789 euro.",
            "Het rapport staat op www.nji.nl/jeugdwet onder 'publicaties'.",
            "De gemeente is bereikbaar via het algemene nummer 14 020.",
            "Op 5 december 2023 vierden we Sinterklaas met de kinderen van de leefgroep.",
            "De Wet verplichte ggz ging in op 1-1-2020; in 2018 werd die al aangekondigd.",
            "Elf van de twaalf gezinnen (92%) waren tevreden, gemiddeld een 7,8.",
            "De wachttijd voor ggz-behandeling liep op van 9 naar 23 weken in 2022 en 2023.",
            "Er staan 250 000 euro en 1 200 uur begroot voor 2025.",
            "In week 12 en week 13 is er geen spreekuur op locatie 2.",
            "Rond 22.00 uur belde de jongere de crisisdienst; om 23.15 uur was er iemand.",
            "De bijeenkomst op 10/11/2023 trok 40 deelnemers uit 12 organisaties.");

    @Test
    @DisplayName("Ordinary Dutch youth-care prose produces no findings (false-positive count is reported)")
    void ordinaryProseHasNoFalsePositives() {
        List<String> falsePositives = new ArrayList<>();
        for (String sentence : ORDINARY_PROSE) {
            List<Finding> findings = PrivacyGuard.scan(sentence);
            if (!findings.isEmpty()) {
                falsePositives.add(sentence + " -> " + findings);
            }
        }
        System.out.printf("PrivacyGuard false positives: %d of %d ordinary sentences%n",
                falsePositives.size(), ORDINARY_PROSE.size());
        assertTrue(ORDINARY_PROSE.size() >= 30);
        assertEquals(List.of(), falsePositives, "false positives");
    }

    // ------------------------------------------------------------------ robustness

    static Stream<String> pathological() {
        return Stream.of(
                "1".repeat(4000), "0".repeat(4000), "a@".repeat(2000), "a.".repeat(2000) + "@" + "a.".repeat(2000),
                "1 ".repeat(2000), "06 ".repeat(1300), "+31 ".repeat(1000), "NL91 ".repeat(800), "1234 AB ".repeat(500),
                "bsn 111222333 ".repeat(300), "geboren 1-1-2000 ".repeat(250), "straat 1 1234 AB ".repeat(250),
                "a".repeat(4000) + "@" + "b".repeat(4000), "x-".repeat(2000) + "@y",
                "a at ".repeat(1600), "x [at] y [punt] ".repeat(500), "a . ".repeat(2000) + "nl", "0800 ".repeat(1600),
                "bsn. ".repeat(1600) + "123456782", "B.".repeat(4000), "zaaknummer ".repeat(700) + "123456782 bsn",
                "BSN " + "123456782 ".repeat(800));
    }

    @ParameterizedTest
    @MethodSource("pathological")
    @DisplayName("Long pathological inputs are scanned quickly and without errors")
    void pathologicalInputIsFast(String text) {
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> PrivacyGuard.scan(text));
    }

    @Test
    @DisplayName("Null, empty, emoji, right-to-left, combining and broken Unicode input never throws")
    void oddInputDoesNotThrow() {
        assertEquals(List.of(), PrivacyGuard.scan(null));
        assertEquals(List.of(), PrivacyGuard.scan(""));
        for (String text : List.of("👩‍👧‍👦 gezin 🏠", "שלום עולם 123456782", "مرحبا ٠٦١٢٣٤٥٦٧٨", "e\u0301e\u0301 1234\u0301 AB 12",
                "\uD800 lone surrogate \uDC00", "\u0000\u0001\u202E12345678\u202C", "bsn\u200B123456782",
                "+", "(", "0", "00", "+31", "(0", "NL", "NL91", "@", "a@b", "geb.", "bsn", "1234 AB")) {
            assertDoesNotThrow(() -> PrivacyGuard.scan(text), text);
        }
        assertEquals(List.of(PHONE), kinds("Bel 📞 06-12345678 👍"));
    }
}
