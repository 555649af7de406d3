package io.omskit.core.jackson;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import io.omskit.core.common.Checks;
import java.math.BigDecimal;
import org.joda.money.CurrencyUnit;
import org.joda.money.IllegalCurrencyException;
import org.joda.money.Money;

/**
 * JSON forms of Joda-Money: {@link Money} as {@code {"currency":"EUR","amount":"12.34"}} (the amount a
 * string so that no reader turns it into a binary float) and {@link CurrencyUnit} as its ISO code.
 *
 * <p>An amount read is at most {@value #MAX_AMOUNT_LENGTH} characters long, less than 10^{@value #MAX_INTEGER_DIGITS}
 * in magnitude, and written with at most its currency's decimal places ({@code "12.345"} and {@code "12.340"} are
 * refused in EUR, never rounded). These are checked before the amount is rescaled to the currency's decimal places,
 * which for an exponent such as {@code 1e10000000} would take seconds of CPU.
 */
final class MoneyJson {

    /** The longest amount text: 40 characters, room for any plain amount below the maximum. */
    static final int MAX_AMOUNT_LENGTH = 40;
    /** Amounts have at most 15 integer digits: less than 10^15 in magnitude. */
    static final int MAX_INTEGER_DIGITS = 15;

    private MoneyJson() {
    }

    static final class MoneySerializer extends StdSerializer<Money> {
        MoneySerializer() {
            super(Money.class);
        }

        @Override
        public void serialize(Money value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeStartObject();
            gen.writeStringField("currency", value.getCurrencyUnit().getCode());
            gen.writeStringField("amount", value.getAmount().toPlainString());
            gen.writeEndObject();
        }
    }

    /** Reads an object with {@code currency} and {@code amount} (a string or a number), in any order. */
    static final class MoneyDeserializer extends StdDeserializer<Money> {
        MoneyDeserializer() {
            super(Money.class);
        }

        @Override
        public Money deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonToken t = p.currentToken();
            if (t == JsonToken.START_OBJECT) {
                t = p.nextToken();
            }
            String currency = null;
            BigDecimal amount = null;
            String amountText = null;
            for (; t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if ("currency".equals(name)) {
                    if (value != JsonToken.VALUE_STRING) {
                        return (Money) ctxt.handleUnexpectedToken(CurrencyUnit.class, value, p,
                                "money currency must be an ISO 4217 code string");
                    }
                    currency = p.getText();
                } else if ("amount".equals(name)) {
                    amountText = p.getText().trim();
                    amount = readAmount(p, ctxt, value, amountText);
                } else {
                    ctxt.handleUnknownProperty(p, this, Money.class, name);
                }
            }
            if (t != JsonToken.END_OBJECT) {
                return (Money) ctxt.handleUnexpectedToken(Money.class, p);
            }
            if (currency == null || amount == null) {
                return (Money) ctxt.reportInputMismatch(this,
                        "money must have both 'currency' and 'amount', was currency=%s amount=%s", currency, amount);
            }
            CurrencyUnit unit = currency(currency, p, ctxt);
            if (amount.scale() > unit.getDecimalPlaces()) {
                return (Money) ctxt.handleWeirdStringValue(Money.class, amountText,
                        "money amount must have at most %d decimal places in %s", unit.getDecimalPlaces(), unit);
            }
            return Money.of(unit, amount);
        }

        /** The amount, after checking its length and magnitude, which bound the cost of rescaling it. */
        private BigDecimal readAmount(JsonParser p, DeserializationContext ctxt, JsonToken value, String text)
                throws IOException {
            boolean number = value == JsonToken.VALUE_NUMBER_INT || value == JsonToken.VALUE_NUMBER_FLOAT;
            if (!number && value != JsonToken.VALUE_STRING) {
                return (BigDecimal) ctxt.handleUnexpectedToken(BigDecimal.class, value, p,
                        "money amount must be a decimal string such as \"12.34\"");
            }
            if (text.length() > MAX_AMOUNT_LENGTH) {
                return (BigDecimal) ctxt.reportInputMismatch(this, "money amount %s, was %s",
                        Checks.textProblem(text, MAX_AMOUNT_LENGTH, false), Checks.quote(text));
            }
            BigDecimal amount;
            if (number) {
                amount = p.getDecimalValue();
            } else {
                try {
                    amount = new BigDecimal(text);
                } catch (NumberFormatException e) {
                    return (BigDecimal) ctxt.handleWeirdStringValue(BigDecimal.class, text,
                            "money amount must be a decimal number such as \"12.34\"");
                }
            }
            // integer digits in longs: the scale of 1E+2147483647 is -2147483647; a zero of any scale rescales at no cost
            if (amount.signum() != 0 && (long) amount.precision() - amount.scale() > MAX_INTEGER_DIGITS) {
                return (BigDecimal) ctxt.handleWeirdStringValue(BigDecimal.class, text,
                        "money amount must be less than 10^%d in magnitude", MAX_INTEGER_DIGITS);
            }
            return amount;
        }
    }

    static CurrencyUnit currency(String code, JsonParser p, DeserializationContext ctxt) throws IOException {
        try {
            return CurrencyUnit.of(code);
        } catch (IllegalCurrencyException e) {
            return (CurrencyUnit) ctxt.handleWeirdStringValue(CurrencyUnit.class, code,
                    "currency must be an ISO 4217 code known to Joda-Money (%s)", e.getMessage());
        }
    }

    /** Writes the ISO code as a JSON string, or as a property name when the currency is a map key. */
    static final class CurrencySerializer extends StdSerializer<CurrencyUnit> {
        private final boolean asKey;

        CurrencySerializer(boolean asKey) {
            super(CurrencyUnit.class);
            this.asKey = asKey;
        }

        @Override
        public void serialize(CurrencyUnit value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            if (asKey) {
                gen.writeFieldName(value.getCode());
            } else {
                gen.writeString(value.getCode());
            }
        }
    }

    static final class CurrencyDeserializer extends StdScalarDeserializer<CurrencyUnit> {
        CurrencyDeserializer() {
            super(CurrencyUnit.class);
        }

        @Override
        public CurrencyUnit deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (CurrencyUnit) ctxt.handleUnexpectedToken(CurrencyUnit.class, p.currentToken(), p,
                        "currency must be an ISO 4217 code string such as \"EUR\"");
            }
            return currency(p.getText(), p, ctxt);
        }
    }

    static final class CurrencyKeyDeserializer extends KeyDeserializer {
        @Override
        public Object deserializeKey(String key, DeserializationContext ctxt) throws IOException {
            try {
                return CurrencyUnit.of(key);
            } catch (IllegalCurrencyException e) {
                return ctxt.handleWeirdKey(CurrencyUnit.class, key,
                        "currency must be an ISO 4217 code known to Joda-Money (%s)", e.getMessage());
            }
        }
    }
}
