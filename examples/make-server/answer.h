/* What the server answers each message with. */
const char *answer_to(const char *message, int length);
