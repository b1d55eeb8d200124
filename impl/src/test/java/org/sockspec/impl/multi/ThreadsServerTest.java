package org.sockspec.impl.multi;

import org.sockspec.impl.Command;

class ThreadsServerTest extends SerialDefectContract {

    @Override
    protected Command command() {
        return Command.SRV_TCP_THREADS;
    }
}
