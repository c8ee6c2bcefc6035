"""greenlet: two functions hand control to each other with switch.

Nothing runs at the same time: each switch stops one function where it
is and resumes the other where it stopped. The Go twin is Example_switch
in switch_example_test.go.
"""
from greenlet import greenlet


def test1():
    print(12)
    gr2.switch()  # run test2 until it switches back
    print(34)
    gr2.switch()  # test1 never resumes: test2 ends, back to main


def test2():
    print(56)
    gr1.switch()
    print(78)


gr1 = greenlet(test1)
gr2 = greenlet(test2)
gr1.switch()
