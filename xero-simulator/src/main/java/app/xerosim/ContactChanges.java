package app.xerosim;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What to set on a contact, whether it comes from the API, a web page or the Java API. A {@code null}
 * component means "leave as is" (Xero preserves elements an update leaves out); phones and addresses are
 * replaced per type for the types given.
 *
 * <p>{@code customer} and {@code supplier} cannot be set through Xero's API; only the Java API and the web
 * pages (standing in for invoices) set them.
 */
public record ContactChanges(
        @Nullable String name,
        @Nullable String firstName,
        @Nullable String lastName,
        @Nullable String emailAddress,
        @Nullable String contactNumber,
        @Nullable String accountNumber,
        @Nullable String companyNumber,
        @Nullable String bankAccountDetails,
        @Nullable String taxNumber,
        @Nullable ContactStatus status,
        @Nullable Map<String, SimPhone> phones,
        @Nullable Map<String, SimAddress> addresses,
        @Nullable Boolean customer,
        @Nullable Boolean supplier,
        @Nullable Map<String, Object> other) {

    public static ContactChanges none() {
        return new ContactChanges(
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    public static ContactChanges named(String name) {
        return none().withName(name);
    }

    public ContactChanges withName(String value) {
        return with(copy -> copy.name = value);
    }

    public ContactChanges withPerson(String first, String last) {
        return with(copy -> {
            copy.firstName = first;
            copy.lastName = last;
        });
    }

    public ContactChanges withEmail(String value) {
        return with(copy -> copy.emailAddress = value);
    }

    public ContactChanges withContactNumber(String value) {
        return with(copy -> copy.contactNumber = value);
    }

    public ContactChanges withStatus(ContactStatus value) {
        return with(copy -> copy.status = value);
    }

    public ContactChanges withPhone(SimPhone phone) {
        Map<String, SimPhone> all = new LinkedHashMap<>(phones == null ? Map.of() : phones);
        all.put(phone.type(), phone);
        return with(copy -> copy.phones = all);
    }

    public ContactChanges withAddress(SimAddress address) {
        Map<String, SimAddress> all = new LinkedHashMap<>(addresses == null ? Map.of() : addresses);
        all.put(address.type(), address);
        return with(copy -> copy.addresses = all);
    }

    public ContactChanges asCustomer(boolean value) {
        return with(copy -> copy.customer = value);
    }

    public ContactChanges asSupplier(boolean value) {
        return with(copy -> copy.supplier = value);
    }

    public ContactChanges withOther(Map<String, Object> value) {
        return with(copy -> copy.other = value);
    }

    private ContactChanges with(java.util.function.Consumer<Copy> change) {
        var copy = new Copy(this);
        change.accept(copy);
        return copy.changes();
    }

    /** The components as mutable fields, so each {@code with…} names only what it changes. */
    private static final class Copy {
        @Nullable
        String name;

        @Nullable
        String firstName;

        @Nullable
        String lastName;

        @Nullable
        String emailAddress;

        @Nullable
        String contactNumber;

        @Nullable
        String accountNumber;

        @Nullable
        String companyNumber;

        @Nullable
        String bankAccountDetails;

        @Nullable
        String taxNumber;

        @Nullable
        ContactStatus status;

        @Nullable
        Map<String, SimPhone> phones;

        @Nullable
        Map<String, SimAddress> addresses;

        @Nullable
        Boolean customer;

        @Nullable
        Boolean supplier;

        @Nullable
        Map<String, Object> other;

        Copy(ContactChanges changes) {
            name = changes.name;
            firstName = changes.firstName;
            lastName = changes.lastName;
            emailAddress = changes.emailAddress;
            contactNumber = changes.contactNumber;
            accountNumber = changes.accountNumber;
            companyNumber = changes.companyNumber;
            bankAccountDetails = changes.bankAccountDetails;
            taxNumber = changes.taxNumber;
            status = changes.status;
            phones = changes.phones;
            addresses = changes.addresses;
            customer = changes.customer;
            supplier = changes.supplier;
            other = changes.other;
        }

        ContactChanges changes() {
            return new ContactChanges(
                    name,
                    firstName,
                    lastName,
                    emailAddress,
                    contactNumber,
                    accountNumber,
                    companyNumber,
                    bankAccountDetails,
                    taxNumber,
                    status,
                    phones,
                    addresses,
                    customer,
                    supplier,
                    other);
        }
    }
}
