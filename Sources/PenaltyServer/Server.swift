import Hummingbird
import LatePenalty
