package org.sockspec.impl.multi;

import org.sockspec.impl.Command;

class SelectServerTest extends SerialDefectContract {

    @Override
    protected Command command() {
        return Command.SRV_TCP_SELECT;
    }
}
