// A multi-client TCP server in Node: one process, one event loop waiting on every socket at once,
// which makes it select's kind. "Message received" to each message; "end" closes that client.
// Check it with:  ./sockspec check examples/node/srv_tcp_select.js --as tcp-select
const net = require('net');

const server = net.createServer((socket) => {
  socket.on('data', (data) => {
    socket.write('Message received');
    console.log(`Received ${data}`);
    if (data.toString() === 'end') {
      socket.end();
    }
  });
  socket.on('error', () => {});
});
server.listen(12800, '0.0.0.0', () => console.log('The server now listens on the port 12800'));
