package app.kontor.xero;

import java.util.List;
import java.util.UUID;

/** What finishing a consent led to: a connection, or a choice between the organisations it authorised. */
public sealed interface ConsentOutcome {

    record Connected(XeroConnection connection) implements ConsentOutcome {}

    record ChooseOrganisation(List<OrganisationChoice> organisations) implements ConsentOutcome {}

    record OrganisationChoice(UUID tenantId, String name) {}
}
