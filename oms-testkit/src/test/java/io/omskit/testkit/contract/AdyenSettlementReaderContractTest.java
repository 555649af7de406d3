package io.omskit.testkit.contract;

import io.omskit.reporting.funds.settlement.AdyenSettlementDetailsReader;
import io.omskit.reporting.funds.settlement.SettlementFiles;
import io.omskit.reporting.funds.spi.SettlementLine;
import io.omskit.reporting.funds.spi.SettlementReader;
import java.io.StringWriter;
import java.util.List;

/** The reader of Adyen's settlement details report passes the settlement reader TCK. */
class AdyenSettlementReaderContractTest extends SettlementReaderContract {

    @Override
    protected SettlementReader newReader() {
        return new AdyenSettlementDetailsReader();
    }

    @Override
    protected String reportOf(List<SettlementLine> lines) {
        StringWriter out = new StringWriter();
        SettlementFiles.adyen(lines, out);
        return out.toString();
    }

    @Override
    protected String malformedRow() {
        return "Acme,AcmeShop,9,ORDER-9,visa,2030-03-04 10:15:00,CET,Settled,9C,EUR,,12.3x,1,EUR,,12.00,,,,,visa,B7";
    }
}
