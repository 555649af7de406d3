package io.omskit.testkit.contract;

import io.omskit.atp.calendar.JollydayHolidays;
import io.omskit.atp.spi.HolidaySource;

/** The Jollyday holidays pass the holiday source TCK. */
class JollydayHolidaysContractTest extends HolidaySourceContract {

    @Override
    protected HolidaySource newSource() {
        return new JollydayHolidays();
    }
}
