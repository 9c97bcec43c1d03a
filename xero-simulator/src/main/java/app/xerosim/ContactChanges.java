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
        return new ContactChanges(
                value,
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

    public ContactChanges withPerson(String first, String last) {
        return new ContactChanges(
                name,
                first,
                last,
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

    public ContactChanges withEmail(String value) {
        return new ContactChanges(
                name,
                firstName,
                lastName,
                value,
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

    public ContactChanges withContactNumber(String value) {
        return new ContactChanges(
                name,
                firstName,
                lastName,
                emailAddress,
                value,
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

    public ContactChanges withStatus(ContactStatus value) {
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
                value,
                phones,
                addresses,
                customer,
                supplier,
                other);
    }

    public ContactChanges withPhone(SimPhone phone) {
        Map<String, SimPhone> all = new LinkedHashMap<>(phones == null ? Map.of() : phones);
        all.put(phone.type(), phone);
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
                all,
                addresses,
                customer,
                supplier,
                other);
    }

    public ContactChanges withAddress(SimAddress address) {
        Map<String, SimAddress> all = new LinkedHashMap<>(addresses == null ? Map.of() : addresses);
        all.put(address.type(), address);
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
                all,
                customer,
                supplier,
                other);
    }

    public ContactChanges asCustomer(boolean value) {
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
                value,
                supplier,
                other);
    }

    public ContactChanges asSupplier(boolean value) {
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
                value,
                other);
    }

    public ContactChanges withOther(Map<String, Object> value) {
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
                value);
    }
}
