package app.xerosim.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SchemaCheckerUnitTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JsonNode document = JSON.readTree("""
            {"components":{"schemas":{
              "Contact":{"type":"object","required":["Name"],"properties":{
                "ContactID":{"type":"string","format":"uuid"},
                "Name":{"type":"string","maxLength":5},
                "ContactStatus":{"type":"string","enum":["ACTIVE","ARCHIVED"]},
                "Phones":{"type":"array","items":{"$ref":"#/components/schemas/Phone"}}}},
              "Phone":{"type":"object","properties":{"PhoneNumber":{"type":"string"}}}}}}""");
    private final SchemaChecker checker = new SchemaChecker(document);
    private final JsonNode contact = JSON.readTree("{\"$ref\":\"#/components/schemas/Contact\"}");

    @Test
    void acceptsAConformingValueWithExtraProperties() {
        JsonNode value = JSON.readTree("""
                {"ContactID":"3ff6d40c-af9a-40a3-89ce-3c1556a25591","Name":"Abc","ContactStatus":"ACTIVE",
                 "Phones":[{"PhoneNumber":"555"}],"Extra":1}""");

        assertThat(checker.check(value, contact)).isEmpty();
    }

    @Test
    void reportsTypesEnumsLengthsUuidsAndMissingRequiredThroughReferences() {
        JsonNode value = JSON.readTree("""
                {"ContactID":"nope","Name":"Too long","ContactStatus":"DELETED","Phones":[{"PhoneNumber":5}]}""");

        assertThat(checker.check(value, contact))
                .anyMatch(p -> p.contains("not a uuid"))
                .anyMatch(p -> p.contains("longer than 5"))
                .anyMatch(p -> p.contains("\"DELETED\" is not one of"))
                .anyMatch(p -> p.contains("$.Phones[0].PhoneNumber: expected a string"));
        assertThat(checker.check(JSON.readTree("{}"), contact)).containsExactly("$: missing required Name");
    }
}
