// The build failed for the planted reason: spec tcp.ack saw the typo, and the student reads both.
def log = new File(basedir, 'build.log').text
assert log.contains('[tcp.ack') : "the failed build does not name spec tcp.ack"
assert log.contains("but A got b'Message recieved'") : "the failed build does not show the wrong answer"
true
