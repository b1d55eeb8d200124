// The lab's UDP server in C++: a 50-byte buffer (a longer datagram is cut), "Message received" to
// each sender, until "end".
// Check it with:  ./sockspec check examples/cpp/srv_udp.cpp --as udp
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <array>
#include <iostream>
#include <string>

int main() {
    const int port = 12800;
    const std::string answer = "Message received";
    int s = socket(AF_INET, SOCK_DGRAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = INADDR_ANY;
    if (s < 0 || bind(s, reinterpret_cast<sockaddr *>(&addr), sizeof addr) < 0) {
        std::perror("srv_udp");
        return 1;
    }
    std::cout << "The server now bound on the port " << port << std::endl;
    std::array<char, 50> buf{};
    for (;;) {
        sockaddr_in from{};
        socklen_t len = sizeof from;
        ssize_t n = recvfrom(s, buf.data(), buf.size(), 0, reinterpret_cast<sockaddr *>(&from), &len);
        if (n < 0) {
            std::perror("recvfrom");
            return 1;
        }
        sendto(s, answer.data(), answer.size(), 0, reinterpret_cast<sockaddr *>(&from), len);
        std::string message(buf.data(), static_cast<size_t>(n));
        std::cout << "Received " << message << " from client socket " << inet_ntoa(from.sin_addr) << std::endl;
        if (message == "end") {
            break;
        }
    }
    close(s);
    return 0;
}
