package app.xerosim;

import java.util.List;
import java.util.UUID;

/** The demo organisation's contacts: a small practice's realistic mix, including the awkward cases. */
final class DemoContacts {

    /**
     * One row per contact: kind (P person, O organisation); name, or "First|Last" for people; email; phone
     * as "country area number"; street, city, postal code, country; flags (C customer, S supplier, A archived).
     * Empty cells mean "none".
     */
    private static final List<String> ROWS = List.of(
            "P;Amelia|Hart;amelia.hart@example.com;64 9 3021847;12 Ponsonby Road;Auckland;1011;NZ;C",
            "P;Oliver|Grant;oliver.grant@example.com;64 21 5550192;;;;;C",
            "P;Zoë|Ångström;zoe.angstrom@example.se;46 8 7231100;Drottninggatan 5;Stockholm;111 51;SE;C",
            "O;Müller GmbH;buchhaltung@mueller-gmbh.example.de;49 30 8812345;Friedrichstraße 120;Berlin;10117;DE;S",
            "O;Bluewater Plumbing Ltd;accounts@bluewater.example.com;64 9 4450021;7 Wharf Street;Tauranga;3110;NZ;C",
            "O;Kauri Timber Supplies Ltd;orders@kauritimber.example.co.nz;64 7 8390012;88 Mill Road;Hamilton;3204;NZ;S",
            "P;Mere|Ngata;mere.ngata@example.co.nz;;;Gisborne;4010;NZ;C",
            "P;Liam|O'Connor;liam.oconnor@example.ie;353 1 6789012;3 Merrion Square;Dublin;D02;IE;C",
            "O;Harbourside Dental Clinic;reception@harbourside.example.com;64 4 4991234;1 Quay Street;Wellington;6011;NZ;C",
            "O;Pacific Freight & Logistics Ltd;billing@pacfreight.example.com;64 9 2567788;Airport Oaks 14;Auckland;2022;NZ;CS",
            "P;Sofia|Rossi;sofia.rossi@example.it;39 06 4567890;Via Condotti 11;Rome;00187;IT;C",
            "P;Hiroshi|Tanaka;hiroshi.tanaka@example.jp;81 3 55551234;;Tokyo;100-0001;JP;C",
            "O;Søndergaard Design ApS;faktura@sondergaard.example.dk;45 33 123456;Nyhavn 17;Copenhagen;1051;DK;S",
            "P;François|Dubois;francois.dubois@example.fr;33 1 44556677;10 Rue de Rivoli;Paris;75001;FR;C",
            "O;Greenleaf Organics Ltd;;64 3 3664411;45 Riccarton Road;Christchurch;8011;NZ;C",
            "P;Aroha|Williams;;;;;;;C",
            "O;Southern Cross Insurance Brokers;info@southerncross.example.com;;;;;;S",
            "P;Ethan|Clarke;ethan.clarke@example.com;44 20 79460000;221B Baker Street;London;NW1 6XE;GB;C",
            "O;Tasman Office Supplies Ltd;sales@tasmanoffice.example.com;64 3 5481010;Trafalgar Street 200;Nelson;7010;NZ;S",
            "P;Priya|Patel;priya.patel@example.com;64 22 1234567;;;;;C",
            "O;Ōtaki Orchard Co;hello@otakiorchard.example.co.nz;64 6 3648000;State Highway 1;Ōtaki;5512;NZ;C",
            "P;Łukasz|Nowak;lukasz.nowak@example.pl;48 22 5551234;ul. Marszałkowska 1;Warsaw;00-001;PL;C",
            "O;Nordic Cloud Services AB;billing@nordiccloud.example.se;46 8 5550000;;Göteborg;411 01;SE;S",
            "P;José|García;jose.garcia@example.es;34 91 5551234;Gran Vía 28;Madrid;28013;ES;C",
            "O;Kiwi Coffee Roasters Ltd;orders@kiwicoffee.example.co.nz;64 9 3774455;;Auckland;1021;NZ;S",
            "P;Charlotte|Nguyen;charlotte.nguyen@example.com.au;61 2 92501234;1 Macquarie Street;Sydney;2000;AU;C",
            "O;Redwood Architecture Ltd;studio@redwoodarch.example.com;64 4 3859900;Cuba Street 101;Wellington;6011;NZ;C",
            "P;Noah|Thompson;noah.thompson@example.com;;;;;;C",
            "O;Summit Legal Partners;accounts@summitlegal.example.com;64 9 3091122;Level 20, 188 Quay Street;Auckland;1010;NZ;CS",
            "P;Isla|Campbell;isla.campbell@example.co.uk;44 131 4960000;;Edinburgh;EH1 1YZ;GB;C",
            "O;Westport Marine Engineering Ltd;;;Wharf Road 3;Westport;7825;NZ;S",
            "P;Björn|Eriksson;bjorn.eriksson@example.no;47 22 123456;Karl Johans gate 1;Oslo;0154;NO;C",
            "O;Canterbury Print House Ltd;print@canterburyprint.example.co.nz;64 3 3791234;;Christchurch;8013;NZ;S",
            "P;Grace|Lee;grace.lee@example.com;64 27 4567890;;;;;C",
            "O;Café Olé Ltd;cafe@cafeole.example.co.nz;64 9 3603000;K Road 250;Auckland;1010;NZ;C",
            "P;Ana|Lima;ana.lima@example.com.br;55 11 55551234;Avenida Paulista 1000;São Paulo;01310-100;BR;C",
            "O;Meridian Payroll Services Ltd;payroll@meridian.example.com;64 4 4711000;;Wellington;6140;NZ;S",
            "P;Tane|Walker;tane.walker@example.co.nz;;;Rotorua;3010;NZ;",
            "O;Alpine Adventures Ltd;bookings@alpineadv.example.co.nz;64 3 4420000;Shotover Street 15;Queenstown;9300;NZ;C",
            "P;Emily|Davies;emily.davies@example.com;44 29 20000000;;Cardiff;CF10 1AA;GB;C",
            "O;Ironbark Security Ltd;accounts@ironbark.example.com.au;61 3 96001234;;Melbourne;3000;AU;S",
            "P;Mateo|Fernández;mateo.fernandez@example.com.ar;54 11 43001234;;Buenos Aires;C1002;AR;C",
            "O;Fernhill Vineyards Ltd;cellar@fernhill.example.co.nz;64 6 8780000;Gimblett Road 9;Hastings;4120;NZ;C",
            "P;Hannah|Schmidt;hannah.schmidt@example.de;49 89 5551234;Marienplatz 8;Munich;80331;DE;C",
            "O;Coastal Cleaning Co;;64 9 4181234;;North Shore;0620;NZ;S",
            "P;Wiremu|Tuhiwai;wiremu.tuhiwai@example.co.nz;64 7 5781234;;Whakatāne;3120;NZ;C",
            "O;Brightside Solar Ltd;hello@brightside.example.com;64 9 9701234;;Auckland;2013;NZ;CS",
            "P;Chloé|Martin;chloe.martin@example.fr;33 4 91000000;;Marseille;13001;FR;C",
            "O;Lakeside Veterinary Clinic;clinic@lakesidevet.example.co.nz;64 7 3781234;Lake Terrace 2;Taupō;3330;NZ;C",
            "P;Samuel|Ward;;64 21 9876543;;;;;C",
            "O;Tui Stationery Ltd;orders@tuistationery.example.co.nz;;;;;;S",
            "P;Yuki|Sato;yuki.sato@example.jp;;;Osaka;530-0001;JP;C",
            "O;Riverbend Builders Ltd;admin@riverbend.example.co.nz;64 6 3561234;;Palmerston North;4410;NZ;C",
            // Archived contacts, one of which shares its name with an active contact.
            "O;Bluewater Plumbing Ltd;old-accounts@bluewater.example.com;64 9 4450000;;Tauranga;3110;NZ;A",
            "P;Jack|Robinson;jack.robinson@example.com;64 9 5551111;;Auckland;1010;NZ;CA",
            "O;Old Mill Bakery Ltd;;;;;;;A",
            "O;Sunset Travel Ltd;trips@sunsettravel.example.com;64 9 3001234;;Auckland;1010;NZ;SA",
            "P;Olivia|Brown;olivia.brown@example.com;;;;;;A",
            "O;Kea Digital Ltd;team@keadigital.example.co.nz;64 4 8021234;;Wellington;6011;NZ;C",
            "P;Ngaio|Marsh;ngaio.marsh@example.co.nz;64 3 3651234;;Christchurch;8011;NZ;C");

    private DemoContacts() {}

    static void populate(SimContacts contacts) {
        // Archived rows go first so an active contact can then take an archived contact's name, as in Xero.
        ROWS.stream().filter(r -> flags(r).contains("A")).forEach(r -> add(contacts, r));
        ROWS.stream().filter(r -> !flags(r).contains("A")).forEach(r -> add(contacts, r));
    }

    private static String flags(String row) {
        String[] cells = row.split(";", -1);
        return cells[8];
    }

    private static void add(SimContacts contacts, String row) {
        String[] cells = row.split(";", -1);
        ContactChanges changes;
        if (cells[0].equals("P")) {
            String[] names = cells[1].split("\\|");
            changes = ContactChanges.named(names[0] + " " + names[1]).withPerson(names[0], names[1]);
        } else {
            changes = ContactChanges.named(cells[1]);
        }
        if (!cells[2].isEmpty()) {
            changes = changes.withEmail(cells[2]);
        }
        if (!cells[3].isEmpty()) {
            String[] phone = cells[3].split(" ");
            changes = changes.withPhone(SimPhone.of("DEFAULT", phone[0], phone[1], phone[2]));
        }
        if (!(cells[4] + cells[5] + cells[6] + cells[7]).isEmpty()) {
            changes = changes.withAddress(SimAddress.of("POBOX", cells[4], cells[5], "", cells[6], cells[7]));
        }
        String flags = cells[8];
        SimContact created = contacts.create(changes);
        UUID id = created.contactId();
        if (flags.contains("C")) {
            contacts.markAsCustomer(id);
        }
        if (flags.contains("S")) {
            contacts.markAsSupplier(id);
        }
        if (flags.contains("A")) {
            contacts.archive(id);
        }
    }
}
