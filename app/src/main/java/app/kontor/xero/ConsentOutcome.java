package app.kontor.xero;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What finishing a consent led to: a connection, or a choice between the organisations it authorised. */
public sealed interface ConsentOutcome {

    record Connected(XeroConnection connection) implements ConsentOutcome {}

    /**
     * @param previousOrganisation the organisation the practice was connected to before, when the
     *     consent offers a different one: connecting another asks for confirmation, as links made
     *     with the previous one are not used for it
     */
    record ChooseOrganisation(
            List<OrganisationChoice> organisations,
            @Nullable String previousOrganisation) implements ConsentOutcome {}

    record OrganisationChoice(UUID tenantId, String name) {}
}
