package app.kontor.demo;

import static app.kontor.demo.DemoPractice.organisation;
import static app.kontor.demo.DemoPractice.person;

import app.kontor.contacts.ContactInput;
import app.kontor.contacts.ContactInput.AddressInput;
import java.util.List;

/** The demo practice's own clients: people and organisations, most with billing email, phone and address. */
final class DemoContacts {

    private DemoContacts() {}

    static List<ContactInput> all() {
        return List.of(
                organisation(
                        "Kauri Coast Joinery Ltd",
                        "accounts@kauricoastjoinery.example",
                        "09 439 1200",
                        billing("12 Hokianga Road", "Dargaville", "Northland", "0310", "New Zealand")),
                organisation(
                        "Harbourside Dental",
                        "billing@harboursidedental.example",
                        "09 302 4455",
                        billing("Level 2, 88 Quay Street", "Auckland", "Auckland", "1010", "New Zealand")),
                organisation(
                        "Tui & Fern Florists",
                        "hello@tuiandfern.example",
                        "04 384 7710",
                        billing("5 Cuba Street", "Wellington", "Wellington", "6011", "New Zealand")),
                organisation(
                        "Southern Alps Guiding Co",
                        "office@southernalpsguiding.example",
                        "03 442 9981",
                        billing("22 Shotover Street", "Queenstown", "Otago", "9300", "New Zealand")),
                organisation(
                        "Pacific Freight Brokers Limited",
                        "ap@pacificfreight.example",
                        "+61 2 9251 4400",
                        billing("1 Macquarie Place", "Sydney", "NSW", "2000", "Australia")),
                organisation(
                        "Ōtautahi Design Studio",
                        "studio@otautahidesign.example",
                        "03 365 2210",
                        billing("150 Victoria Street", "Christchurch", "Canterbury", "8013", "New Zealand")),
                organisation("Greenstone Property Trust", "trustees@greenstonetrust.example", "07 839 6600", null),
                organisation(
                        "Bay of Plenty Orchards Ltd",
                        null,
                        "07 578 3321",
                        billing("410 Cameron Road", "Tauranga", "Bay of Plenty", "3110", "New Zealand")),
                organisation(
                        "Müller Engineering GmbH",
                        "buchhaltung@mueller-engineering.example",
                        "+49 30 2345 6789",
                        billing("Friedrichstraße 45", "Berlin", "", "10117", "Germany")),
                organisation(
                        "Riverbend Veterinary Clinic",
                        "reception@riverbendvets.example",
                        "06 357 1188",
                        billing("9 Rangitikei Street", "Palmerston North", "Manawatū", "4410", "New Zealand")),
                organisation("Coastline Surf School", "bookings@coastlinesurf.example", null, null),
                person(
                        "Aroha",
                        "Ngata",
                        "aroha.ngata@example.net",
                        "021 555 0142",
                        billing("17 Kowhai Grove", "Rotorua", "Bay of Plenty", "3010", "New Zealand")),
                person(
                        "James",
                        "O'Connell",
                        "james.oconnell@example.net",
                        "022 555 0188",
                        billing("4/21 Ponsonby Road", "Auckland", "Auckland", "1011", "New Zealand")),
                person(
                        "Priya",
                        "Raman",
                        "priya.raman@example.net",
                        "027 555 0107",
                        billing("63 Riccarton Road", "Christchurch", "Canterbury", "8011", "New Zealand")),
                person(
                        "Zoë",
                        "Ångström",
                        "zoe.angstrom@example.net",
                        "+46 8 555 010 20",
                        billing("Drottninggatan 12", "Stockholm", "", "111 51", "Sweden")),
                person(
                        "Wiremu",
                        "Tane",
                        "wiremu.tane@example.net",
                        "021 555 0199",
                        billing("8 Marine Parade", "Napier", "Hawke's Bay", "4110", "New Zealand")),
                // The demo organisation in Xero has these three too, so one connect shows every import
                // outcome: same name and email → linked at once (Xero's phone and address win); same
                // name only → match review, and Create Contact offers "Link to Kea Digital Ltd".
                person("Hiroshi", "Tanaka", "hiroshi.tanaka@example.jp", "027 555 0144", null),
                organisation(
                        "Summit Legal Partners Ltd",
                        "accounts@summitlegal.example.com",
                        "09 309 1100",
                        billing("Level 20, 188 Quay Street", "Auckland", "Auckland", "1010", "New Zealand")),
                organisation("Kea Digital Ltd", "accounts@kea-digital.example", "04 802 1200", null),
                person(
                        "Liam",
                        "MacDonald",
                        null,
                        "020 555 0161",
                        billing("301 George Street", "Dunedin", "Otago", "9016", "New Zealand")),
                person(
                        "Hannah",
                        "Fischer",
                        "hannah.fischer@example.net",
                        null,
                        billing("56 Devon Street East", "New Plymouth", "Taranaki", "4310", "New Zealand")),
                person(
                        "Mateo",
                        "Silva",
                        "mateo.silva@example.net",
                        "021 555 0175",
                        billing("12 Trafalgar Street", "Nelson", "Nelson", "7010", "New Zealand")));
    }

    private static AddressInput billing(String line1, String city, String region, String postalCode, String country) {
        return new AddressInput("Billing", line1, "", "", "", city, region, postalCode, country, "", true);
    }
}
