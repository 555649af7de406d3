package io.omskit.testkit.contract;

import io.omskit.reporting.funds.settlement.SettlementFiles;
import io.omskit.reporting.funds.settlement.StripeBalanceTransactionsReader;
import io.omskit.reporting.funds.spi.SettlementLine;
import io.omskit.reporting.funds.spi.SettlementReader;
import java.io.StringWriter;
import java.util.List;

/** The reader of Stripe's balance transactions passes the settlement reader TCK. */
class StripeSettlementReaderContractTest extends SettlementReaderContract {

    @Override
    protected SettlementReader newReader() {
        return StripeBalanceTransactionsReader.create();
    }

    @Override
    protected String reportOf(List<SettlementLine> lines) {
        StringWriter out = new StringWriter();
        SettlementFiles.stripe(lines, out);
        return out.toString();
    }

    @Override
    protected String malformedRow() {
        return "txn_9,charge,ten,0,0,eur,1772532900,ch_9,charge,ORDER-9,B7";
    }
}
